import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';

/**
 * The document an upsert starts from when nothing matched: MongoDB copies every equality
 * condition of the query (`{a: 1}`, `{a: {$eq: 1}}`, members of `$and`, dotted paths as nested
 * fields); mingo has no upsert, so this is ours.
 */
export function upsertSeed(filter: Document): Document {
  const seed: Document = {};
  collect(filter, seed);
  return seed;
}

function collect(filter: Document, seed: Document): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) collect(clause as Document, seed);
      continue;
    }
    if (field.startsWith('$')) continue;
    const value = equalityValue(condition);
    if (value.found) setPath(seed, field, value.value);
  }
}

function equalityValue(condition: unknown): { found: boolean; value?: unknown } {
  if (isOperatorObject(condition)) {
    const ops = condition as Document;
    if ('$eq' in ops) return { found: true, value: ops.$eq };
    if (Array.isArray(ops.$in) && ops.$in.length === 1 && !(ops.$in[0] instanceof RegExp)) {
      return { found: true, value: ops.$in[0] };
    }
    return { found: false };
  }
  if (condition instanceof RegExp) return { found: false };
  return { found: true, value: condition };
}

function isOperatorObject(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return false;
  if ((v as { _bsontype?: string })._bsontype !== undefined) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Document = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const next = node[part];
    if (next === undefined) node = node[part] = {};
    else if (next !== null && typeof next === 'object' && !Array.isArray(next))
      node = next as Document;
    else
      throw new MongoCommandError(
        'NotSingleValueField',
        `cannot infer query fields to set, path '${path}' is matched twice`,
      );
  }
  node[parts[parts.length - 1]!] = value;
}
