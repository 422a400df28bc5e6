import type { Document } from 'bson';

/**
 * Deep copy of plain objects and arrays; BSON value objects (ObjectId, Long, Binary...) are
 * immutable and shared. Stored documents are never mutated after commit, so every in-place
 * edit (mingo's updater mutates nested arrays and objects) happens on such a copy.
 */
export function copyDocument<T extends Document>(doc: T): T {
  return copyValue(doc) as T;
}

function copyValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyValue);
  if (v instanceof Date) return new Date(v.getTime());
  if ((v as { _bsontype?: string })._bsontype !== undefined || v instanceof RegExp) return v;
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) out[key] = copyValue((v as Record<string, unknown>)[key]);
  return out;
}
