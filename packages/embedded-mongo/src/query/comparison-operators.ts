import type { BSONSymbol } from 'bson';
import { resolve } from 'mingo/util';
import type { Options } from 'mingo/types';
import { compareBson, typeRank, Rank } from '../storage/bson-order.js';
import { activeCollation } from './collation.js';

/**
 * mingo compares values with `typeof`/constructor checks, so Long(5) ≠ 5, Decimal128 never
 * orders against numbers and `$type: 'objectId'` is unknown. These replacements keep mingo's
 * query compiler but judge equality, order and type the way MongoDB does (bson-order.ts).
 */
type Predicate = (lhs: unknown, rhs: unknown) => boolean;
type QueryOperator = (
  selector: string,
  value: unknown,
  options: Options,
) => (obj: Record<string, unknown>) => boolean;

const RESOLVE_OPTIONS = { unwrapArray: true };

function fieldOperator(predicate: Predicate): QueryOperator {
  return (selector, value) => (obj) => predicate(resolve(obj, selector, RESOLVE_OPTIONS), value);
}

export function bsonEquals(a: unknown, b: unknown): boolean {
  // The case a scan meets per document: strings under binary order are equal exactly when ===.
  if (typeof a === 'string' && typeof b === 'string' && activeCollation() === undefined)
    return a === b;
  return typeRank(a) === typeRank(b) && compareBson(a, b) === 0;
}

function isRegex(v: unknown): v is RegExp {
  return v instanceof RegExp;
}

const eq: Predicate = (lhs, rhs) => {
  if (rhs === null || rhs === undefined) {
    return (
      lhs === null ||
      lhs === undefined ||
      (Array.isArray(lhs) && lhs.some((e) => e === null || e === undefined))
    );
  }
  if (bsonEquals(lhs, rhs)) return true;
  return Array.isArray(lhs) && lhs.some((e) => bsonEquals(e, rhs));
};

function ordered(test: (c: number) => boolean, matchesNull: boolean): Predicate {
  return (lhs, rhs) => {
    if (matchesNull && (rhs === null || rhs === undefined)) return eq(lhs, null);
    const rank = typeRank(rhs);
    const check = (v: unknown): boolean => typeRank(v) === rank && test(compareBson(v, rhs));
    if (check(lhs)) return true;
    return Array.isArray(lhs) && lhs.some(check);
  };
}

/** The text a regular expression is matched against: a string's, or a symbol's (as mongod does). */
function matchableText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  return (v as { _bsontype?: string } | null)?._bsontype === 'BSONSymbol'
    ? (v as BSONSymbol).value
    : undefined;
}

function regexMatches(re: RegExp, v: unknown): boolean {
  const text = matchableText(v);
  return text !== undefined && re.test(text);
}

const inList: Predicate = (lhs, rhs) => {
  if (!Array.isArray(rhs)) return false;
  return rhs.some((candidate) => {
    if (isRegex(candidate)) {
      const values = Array.isArray(lhs) ? lhs : [lhs];
      return values.some((v) => regexMatches(candidate, v));
    }
    return eq(lhs, candidate);
  });
};

/** mingo's `$regex` (its filter compiler has already made the pattern a RegExp), symbols included. */
const regex: Predicate = (lhs, rhs) => {
  if (!isRegex(rhs)) return false;
  const values = Array.isArray(lhs) ? lhs : [lhs];
  return (
    values.some((v) => regexMatches(rhs, v)) || values.flat(1).some((v) => regexMatches(rhs, v))
  );
};

/** mongod's names of the BSON types, with their type numbers (`$type` takes either). */
export const BSON_TYPE_NUMBERS: Readonly<Record<string, number>> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  javascript: 13,
  symbol: 14,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};

/** The BSON type number a stored value serialises to (JS numbers: int32 when integral and in range). */
export function bsonTypeNumber(v: unknown): number {
  if (v === undefined) return 6;
  if (v === null) return 10;
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff ? 16 : 1;
    case 'bigint':
      return 18;
    case 'string':
      return 2;
    case 'boolean':
      return 8;
  }
  if (Array.isArray(v)) return 4;
  if (v instanceof Date) return 9;
  if (v instanceof RegExp) return 11;
  switch ((v as { _bsontype?: string })._bsontype) {
    case 'Double':
      return 1;
    case 'Int32':
      return 16;
    case 'Long':
      return 18;
    case 'Decimal128':
      return 19;
    case 'ObjectId':
      return 7;
    case 'Binary':
      return 5;
    case 'Timestamp':
      return 17;
    case 'BSONRegExp':
      return 11;
    case 'Code':
      return 13;
    case 'BSONSymbol':
      return 14;
    case 'MinKey':
      return -1;
    case 'MaxKey':
      return 127;
    default:
      return 3;
  }
}

/** `$type` and `bsonType`: whether `v` is of the named (or numbered) BSON type, 'number' for any. */
export function bsonTypeMatches(v: unknown, spec: unknown): boolean {
  if (spec === 'number') return typeRank(v) === Rank.Number && v !== null;
  const wanted = typeof spec === 'string' ? BSON_TYPE_NUMBERS[spec] : Number(spec);
  return wanted !== undefined && bsonTypeNumber(v) === wanted;
}

const typeIs: Predicate = (lhs, rhs) => {
  const specs = Array.isArray(rhs) ? rhs : [rhs];
  const test = (v: unknown): boolean => specs.some((s) => bsonTypeMatches(v, s));
  if (lhs === undefined) return false;
  if (Array.isArray(lhs)) return specs.some((s) => bsonTypeMatches(lhs, s)) || lhs.some(test);
  return test(lhs);
};

export const comparisonOperators: Record<string, QueryOperator> = {
  $eq: fieldOperator(eq),
  $ne: fieldOperator((l, r) => !eq(l, r)),
  $gt: fieldOperator(ordered((c) => c > 0, false)),
  $gte: fieldOperator(ordered((c) => c >= 0, true)),
  $lt: fieldOperator(ordered((c) => c < 0, false)),
  $lte: fieldOperator(ordered((c) => c <= 0, true)),
  $in: fieldOperator(inList),
  $nin: fieldOperator((l, r) => !inList(l, r)),
  $type: fieldOperator(typeIs),
  $regex: fieldOperator(regex),
};
