import { Decimal128, Long, type Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';

/**
 * `$inc` and `$mul` with mongod's numeric typing. mingo adds JS numbers only: it leaves a Long
 * untouched (a lost update) and turns an int32 overflow into a double. Here, as in mongod:
 * int32 ∘ int32 stays int32 and overflows into int64; anything ∘ int64 is int64 (overflow is an
 * error); a double makes a double; a Decimal128 makes a Decimal128.
 *
 * Documents hold promoted values (bson `promoteValues`): a JS number is an int32 when it is a
 * whole number in int32 range, otherwise a double (that is how it serializes); int64 outside that
 * representation is a Long; Decimal128 stays an object.
 */
type NumKind = 'int' | 'long' | 'double' | 'decimal';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function numericKind(v: unknown): NumKind | undefined {
  if (typeof v === 'number')
    return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX ? 'int' : 'double';
  if (typeof v === 'bigint') return 'long';
  if (v instanceof Long) return 'long';
  if (v instanceof Decimal128) return 'decimal';
  const bsontype = (v as { _bsontype?: string } | null)?._bsontype;
  if (bsontype === 'Long') return 'long';
  if (bsontype === 'Decimal128') return 'decimal';
  if (bsontype === 'Double' || bsontype === 'Int32') return bsontype === 'Int32' ? 'int' : 'double';
  return undefined;
}

const RANK: Record<NumKind, number> = { int: 0, long: 1, double: 2, decimal: 3 };

function toBigInt(v: unknown): bigint {
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'bigint') return v;
  return BigInt((v as Long).toString());
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Decimal128 || (v as { _bsontype?: string })._bsontype === 'Decimal128')
    return Number((v as Decimal128).toString());
  return Number((v as { valueOf(): unknown }).valueOf?.() ?? (v as Long).toNumber());
}

/** An exact decimal as mantissa × 10^exponent, enough for + and × of Decimal128 values. */
type Exact = { m: bigint; e: number };

function toExact(v: unknown): Exact | undefined {
  const text = typeof v === 'bigint' ? v.toString() : String(v instanceof Long ? v.toString() : v);
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, int = '', frac = '', exp = '0'] = match;
  const digits = `${int}${frac}` || '0';
  return { m: BigInt(`${sign}${digits}`), e: Number(exp) - frac.length };
}

function exactToDecimal(x: Exact): Decimal128 {
  return Decimal128.fromString(`${x.m.toString()}E${x.e}`);
}

function decimalOp(a: unknown, b: unknown, op: 'add' | 'mul'): Decimal128 {
  const x = toExact(a);
  const y = toExact(b);
  if (!x || !y) {
    // NaN or Infinity among the operands: let the double result say which.
    const r = op === 'add' ? toNumber(a) + toNumber(b) : toNumber(a) * toNumber(b);
    return Decimal128.fromString(String(r));
  }
  if (op === 'mul') return exactToDecimal({ m: x.m * y.m, e: x.e + y.e });
  const e = Math.min(x.e, y.e);
  const m = x.m * 10n ** BigInt(x.e - e) + y.m * 10n ** BigInt(y.e - e);
  return exactToDecimal({ m, e });
}

/** `a ∘ b` with mongod's result type; undefined when either operand is not a number. */
export function numericOp(a: unknown, b: unknown, op: 'add' | 'mul'): unknown {
  const ka = numericKind(a);
  const kb = numericKind(b);
  if (!ka || !kb) return undefined;
  const kind = RANK[ka] >= RANK[kb] ? ka : kb;
  if (kind === 'decimal') return decimalOp(a, b, op);
  if (kind === 'double')
    return op === 'add' ? toNumber(a) + toNumber(b) : toNumber(a) * toNumber(b);
  const exact = op === 'add' ? toBigInt(a) + toBigInt(b) : toBigInt(a) * toBigInt(b);
  if (kind === 'int' && exact >= BigInt(INT32_MIN) && exact <= BigInt(INT32_MAX))
    return Number(exact);
  if (exact < INT64_MIN || exact > INT64_MAX) return OVERFLOW;
  return Long.fromBigInt(exact);
}

export const OVERFLOW = Symbol('int64 overflow');

/** The zero of `b`'s type: `$mul` on a missing field stores it. */
export function zeroLike(b: unknown): unknown {
  const kind = numericKind(b);
  if (kind === 'long') return Long.ZERO;
  if (kind === 'decimal') return Decimal128.fromString('0');
  return 0;
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Long) return `${v.toString()}`;
  if (Array.isArray(v)) return `[ ${v.map(describeValue).join(', ')} ]`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (typeof v === 'object') {
    const t = (v as { _bsontype?: string })._bsontype;
    if (t) return `${t}(${String(v)})`;
    const entries = Object.entries(v as Document).map(([k, x]) => `${k}: ${describeValue(x)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return String(v);
}

export function typeNameOf(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  const kind = numericKind(v);
  if (kind) return kind;
  const t = (v as { _bsontype?: string })._bsontype;
  if (t === 'ObjectId') return 'objectId';
  if (t) return t.toLowerCase();
  return 'object';
}

/** Where a dotted path leads in a document. */
export type PathLookup =
  | { kind: 'found'; value: unknown }
  | { kind: 'missing' }
  /** An element on the way is neither a document nor an array it can index into. */
  | { kind: 'blocked'; field: string; element: Document };

export function lookupPath(doc: Document, path: string): PathLookup {
  const parts = path.split('.');
  let node: unknown = doc;
  let parentKey = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(part))
        return { kind: 'blocked', field: part, element: { [parentKey]: node } };
      const index = Number(part);
      if (index >= node.length) return { kind: 'missing' };
      node = node[index];
    } else if (isPlainDocument(node)) {
      if (!Object.hasOwn(node, part)) return { kind: 'missing' };
      node = node[part];
    } else {
      return { kind: 'blocked', field: part, element: { [parentKey]: node } };
    }
    parentKey = part;
  }
  return node === undefined ? { kind: 'missing' } : { kind: 'found', value: node };
}

export function isPlainDocument(v: unknown): v is Document {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  if ((v as { _bsontype?: string })._bsontype !== undefined) return false;
  if (v instanceof Date || v instanceof RegExp) return false;
  return true;
}

export function pathNotViable(lookup: Extract<PathLookup, { kind: 'blocked' }>): MongoCommandError {
  return new MongoCommandError(
    'PathNotViable',
    `Cannot create field '${lookup.field}' in element ${describeValue(lookup.element)}`,
  );
}
