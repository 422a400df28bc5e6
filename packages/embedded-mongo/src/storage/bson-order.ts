import type { Binary, Decimal128, Long, ObjectId, Timestamp } from 'bson';
import { activeCollation } from '../query/collation.js';

/**
 * MongoDB's total order over BSON values (the order of index keys and of `sort`):
 * MinKey < null < numbers < strings < objects < arrays < binData < ObjectId < bool < Date
 * < Timestamp < RegExp < MaxKey. Numbers of every BSON numeric type compare by value.
 */
export function compareBson(a: unknown, b: unknown): number {
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  switch (ta) {
    case Rank.Null:
    case Rank.MinKey:
    case Rank.MaxKey:
      return 0;
    case Rank.Number:
      return compareNumbers(a, b);
    case Rank.String: {
      const collation = activeCollation();
      return collation
        ? Math.sign(collation.compare(stringOf(a), stringOf(b)))
        : cmp(stringOf(a), stringOf(b));
    }
    case Rank.Object:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case Rank.Array:
      return compareArrays(a as unknown[], b as unknown[]);
    case Rank.BinData:
      return compareBinary(a as Binary, b as Binary);
    case Rank.ObjectId:
      return Buffer.compare((a as ObjectId).id, (b as ObjectId).id);
    case Rank.Bool:
      return cmp(a === true ? 1 : 0, b === true ? 1 : 0);
    case Rank.Date:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case Rank.Timestamp:
      return (a as Timestamp).compare(b as Timestamp);
    case Rank.RegExp:
      return cmp(regexParts(a), regexParts(b));
    default:
      return 0;
  }
}

export const enum Rank {
  MinKey = 1,
  Null = 2,
  Number = 3,
  String = 4,
  Object = 5,
  Array = 6,
  BinData = 7,
  ObjectId = 8,
  Bool = 9,
  Date = 10,
  Timestamp = 11,
  RegExp = 12,
  MaxKey = 13,
}

export function typeRank(v: unknown): Rank {
  if (v === null || v === undefined) return Rank.Null;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return Rank.Number;
    case 'string':
      return Rank.String;
    case 'boolean':
      return Rank.Bool;
    case 'object':
      break;
    default:
      return Rank.Object;
  }
  if (Array.isArray(v)) return Rank.Array;
  if (v instanceof Date) return Rank.Date;
  if (v instanceof RegExp) return Rank.RegExp;
  switch ((v as { _bsontype?: string })._bsontype) {
    case 'Int32':
    case 'Double':
    case 'Long':
    case 'Decimal128':
      return Rank.Number;
    case 'ObjectId':
      return Rank.ObjectId;
    case 'Binary':
      return Rank.BinData;
    case 'Timestamp':
      return Rank.Timestamp;
    case 'BSONRegExp':
      return Rank.RegExp;
    case 'BSONSymbol':
      return Rank.String;
    case 'MinKey':
      return Rank.MinKey;
    case 'MaxKey':
      return Rank.MaxKey;
    default:
      return Rank.Object;
  }
}

/** A BSON numeric as a JS number (Long beyond 2^53 and Decimal128 lose precision, not order). */
export function numericValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  const tagged = v as { _bsontype?: string; value?: number };
  switch (tagged._bsontype) {
    case 'Int32':
    case 'Double':
      return Number(tagged.value);
    case 'Long':
      return (v as Long).toNumber();
    case 'Decimal128':
      return Number.parseFloat((v as Decimal128).toString());
    default:
      return Number.NaN;
  }
}

function compareNumbers(a: unknown, b: unknown): number {
  const la = a as { _bsontype?: string };
  const lb = b as { _bsontype?: string };
  if (la._bsontype === 'Long' && lb._bsontype === 'Long') return (a as Long).compare(b as Long);
  const x = numericValue(a);
  const y = numericValue(b);
  // MongoDB orders NaN below every other number.
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  return cmp(x, y);
}

function stringOf(v: unknown): string {
  return typeof v === 'string' ? v : String((v as { value?: unknown }).value ?? v);
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const va = a[ka[i]!];
    const vb = b[kb[i]!];
    const byType = cmp(typeRank(va), typeRank(vb));
    if (byType !== 0) return byType;
    const byName = cmp(ka[i]!, kb[i]!);
    if (byName !== 0) return byName;
    const byValue = compareBson(va, vb);
    if (byValue !== 0) return byValue;
  }
  return cmp(ka.length, kb.length);
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareBson(a[i], b[i]);
    if (c !== 0) return c;
  }
  return cmp(a.length, b.length);
}

function compareBinary(a: Binary, b: Binary): number {
  return (
    cmp(a.position, b.position) || cmp(a.sub_type, b.sub_type) || Buffer.compare(a.buffer, b.buffer)
  );
}

function regexParts(v: unknown): string {
  if (v instanceof RegExp) return `${v.source}/${v.flags}`;
  const r = v as { pattern: string; options: string };
  return `${r.pattern}/${r.options}`;
}

function cmp<T extends number | string>(x: T, y: T): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
