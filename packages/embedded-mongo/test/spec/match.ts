import { Binary, BSON, Decimal128, Long, ObjectId, Timestamp, type Document } from 'mongodb';

const { EJSON } = BSON;

/**
 * The unified test format's "Evaluating Matches": extra fields are allowed in root-level
 * documents only, arrays must have the same length, numbers compare by value across int32,
 * int64 and double, and the `$$` operators are evaluated.
 */
export type MatchContext = {
  /** Entities by id, for `$$matchesEntity` and `$$sessionLsid`. */
  entity(id: string): unknown;
  sessionLsid(id: string): unknown;
};

export class MatchError extends Error {
  override readonly name = 'MatchError';
}

export function assertMatches(
  expected: unknown,
  actual: unknown,
  ctx: MatchContext,
  path = '$',
  root = true,
): void {
  // The driver builds some commands (index keys, sort) as Maps: an ordered document.
  if (actual instanceof Map) actual = Object.fromEntries(actual);
  if (isOperatorDocument(expected)) {
    matchOperator(expected as Document, actual, ctx, path, root);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) fail(path, expected, actual, 'expected an array');
    if (expected.length !== actual.length)
      fail(path, expected, actual, `array length ${actual.length}, expected ${expected.length}`);
    expected.forEach((e, i) => assertMatches(e, actual[i], ctx, `${path}[${i}]`, false));
    return;
  }
  if (isDocument(expected)) {
    if (!isDocument(actual)) fail(path, expected, actual, 'expected a document');
    const act = actual as Document;
    for (const [key, value] of Object.entries(expected as Document)) {
      const inner = `${path}.${key}`;
      if (isOperatorDocument(value) && ('$$exists' in value || '$$unsetOrMatches' in value)) {
        matchOperator(value as Document, act[key], ctx, inner, false, key in act);
        continue;
      }
      if (!(key in act) || act[key] === undefined) {
        // An optional result field the driver leaves unset (e.g. a client bulk write's
        // upsertedId) is how a driver says null: tests write null for it.
        if (value === null) continue;
        fail(inner, value, undefined, 'missing field');
      }
      assertMatches(value, act[key], ctx, inner, false);
    }
    if (!root) {
      const extra = Object.keys(act).filter(
        (k) => !(k in (expected as Document)) && act[k] !== undefined,
      );
      if (extra.length > 0) fail(path, expected, actual, `unexpected fields ${extra.join(', ')}`);
    }
    return;
  }
  if (!valuesEqual(expected, actual)) fail(path, expected, actual, 'values differ');
}

function fail(path: string, expected: unknown, actual: unknown, why: string): never {
  throw new MatchError(`${path}: ${why}; expected ${show(expected)}, actual ${show(actual)}`);
}

export function show(v: unknown): string {
  try {
    const text = EJSON.stringify(v as Document, { relaxed: true });
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return String(v);
  }
}

function isOperatorDocument(v: unknown): boolean {
  if (!isDocument(v)) return false;
  const keys = Object.keys(v as Document);
  return keys.length === 1 && keys[0]!.startsWith('$$');
}

export function isDocument(v: unknown): v is Document {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  if ((v as { _bsontype?: string })._bsontype !== undefined) return false;
  if (v instanceof Date || v instanceof RegExp || v instanceof Map) return false;
  return true;
}

function matchOperator(
  spec: Document,
  actual: unknown,
  ctx: MatchContext,
  path: string,
  root: boolean,
  present = actual !== undefined,
): void {
  const [op, arg] = Object.entries(spec)[0]!;
  switch (op) {
    case '$$exists':
      if (Boolean(arg) !== present) fail(path, spec, actual, `$$exists ${String(arg)}`);
      return;
    case '$$unsetOrMatches':
      if (!present) return;
      assertMatches(arg, actual, ctx, path, root);
      return;
    case '$$type': {
      const types = Array.isArray(arg) ? (arg as string[]) : [arg as string];
      if (!types.some((t) => hasType(actual, t)))
        fail(path, spec, actual, `type is not ${types.join('|')}`);
      return;
    }
    case '$$matchesEntity':
      assertMatches(ctx.entity(arg as string), actual, ctx, path, root);
      return;
    case '$$sessionLsid':
      if (!valuesEqual(ctx.sessionLsid(arg as string), actual))
        fail(path, spec, actual, 'lsid differs');
      return;
    case '$$lte':
      if (!(toNumber(actual) <= toNumber(arg))) fail(path, spec, actual, '$$lte');
      return;
    case '$$matchAsDocument': {
      if (typeof actual !== 'string') fail(path, spec, actual, 'expected a JSON string');
      assertMatches(arg, EJSON.parse(actual, { relaxed: true }), ctx, path, true);
      return;
    }
    case '$$matchAsRoot':
      assertMatches(arg, actual, ctx, path, true);
      return;
    case '$$matchesHexBytes': {
      const hex =
        actual instanceof Binary
          ? Buffer.from(actual.buffer).toString('hex')
          : Buffer.isBuffer(actual)
            ? actual.toString('hex')
            : undefined;
      if (hex?.toLowerCase() !== String(arg).toLowerCase())
        fail(path, spec, actual, 'bytes differ');
      return;
    }
    default:
      throw new MatchError(`${path}: unsupported match operator ${op}`);
  }
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'double':
      return typeof v === 'number' || (v as { _bsontype?: string })?._bsontype === 'Double';
    case 'int':
      return (
        (typeof v === 'number' && Number.isInteger(v)) ||
        (v as { _bsontype?: string })?._bsontype === 'Int32'
      );
    case 'long':
      return (
        (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint' || v instanceof Long
      );
    case 'number':
      return (
        toNumber(v) === toNumber(v) &&
        (typeof v === 'number' || v instanceof Long || v instanceof Decimal128)
      );
    case 'decimal':
      return v instanceof Decimal128;
    case 'string':
      return typeof v === 'string';
    case 'object':
      return isDocument(v);
    case 'array':
      return Array.isArray(v);
    case 'binData':
      return v instanceof Binary || Buffer.isBuffer(v);
    case 'objectId':
      return v instanceof ObjectId;
    case 'bool':
      return typeof v === 'boolean';
    case 'date':
      return v instanceof Date;
    case 'null':
      return v === null;
    case 'timestamp':
      return v instanceof Timestamp;
    case 'regex':
      return v instanceof RegExp || (v as { _bsontype?: string })?._bsontype === 'BSONRegExp';
    default:
      return (v as { _bsontype?: string })?._bsontype?.toLowerCase() === type.toLowerCase();
  }
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Long) return v.toNumber();
  if (v instanceof Decimal128) return Number(v.toString());
  const t = (v as { _bsontype?: string } | null)?._bsontype;
  if (t === 'Int32' || t === 'Double') return Number((v as { valueOf(): number }).valueOf());
  return NaN;
}

function isNumeric(v: unknown): boolean {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof Long) return true;
  const t = (v as { _bsontype?: string } | null)?._bsontype;
  return t === 'Int32' || t === 'Double';
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) {
    if (a instanceof Long || b instanceof Long || typeof a === 'bigint' || typeof b === 'bigint') {
      try {
        return (
          BigInt(String(a instanceof Long ? a.toString() : a)) ===
          BigInt(String(b instanceof Long ? b.toString() : b))
        );
      } catch {
        return toNumber(a) === toNumber(b);
      }
    }
    const [x, y] = [toNumber(a), toNumber(b)];
    // A stored NaN (e.g. an _id) reads back as NaN: the same value, though not === itself.
    return x === y || (Number.isNaN(x) && Number.isNaN(y));
  }
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (a instanceof Decimal128 && b instanceof Decimal128) return a.toString() === b.toString();
  if (a instanceof ObjectId && b instanceof ObjectId) return a.equals(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Timestamp && b instanceof Timestamp) return a.equals(b);
  if (a instanceof Binary && b instanceof Binary)
    return a.sub_type === b.sub_type && Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  if (isDocument(a) && isDocument(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => k in b && valuesEqual(a[k], b[k]));
  }
  const ta = (a as { _bsontype?: string })._bsontype;
  if (ta !== undefined && ta === (b as { _bsontype?: string })._bsontype)
    return EJSON.stringify(a as Document) === EJSON.stringify(b as Document);
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
  return false;
}
