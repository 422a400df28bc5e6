import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { compareBson } from '../storage/bson-order.js';
import { valuesAtPath } from '../storage/index-keys.js';
import { withCollation, type Collation } from './collation.js';

/**
 * Sorts like MongoDB: BSON type order across types, and an array field sorts by its smallest
 * element ascending / largest descending. Returns a new array; documents are not copied.
 */
export function sortDocuments(docs: Document[], spec: Document, collation?: Collation): Document[] {
  return withCollation(collation, () => sortUnder(docs, spec));
}

function sortUnder(docs: Document[], spec: Document): Document[] {
  const keys = Object.entries(spec).filter(
    ([, dir]) => typeof dir === 'number' || typeof dir === 'object',
  );
  for (const [field, dir] of keys) {
    if (typeof dir === 'number' && dir !== 1 && dir !== -1) {
      throw new MongoCommandError(
        'BadValue',
        `$sort key ordering must be 1 (for ascending) or -1 (for descending) on field ${field}`,
      );
    }
  }
  const order = keys.filter(
    ([field, dir]) => typeof dir === 'number' && field !== '$natural',
  ) as Array<[string, 1 | -1]>;
  if (order.length === 0)
    return keys.some(([f, d]) => f === '$natural' && d === -1) ? [...docs].reverse() : docs;
  const decorated = docs.map((doc) => ({
    doc,
    keys: order.map(([path, dir]) => sortKey(doc, path, dir)),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const c = compareBson(a.keys[i], b.keys[i]);
      if (c !== 0) return c * order[i]![1];
    }
    return 0;
  });
  return decorated.map((d) => d.doc);
}

function sortKey(doc: Document, path: string, dir: 1 | -1): unknown {
  const { values } = valuesAtPath(doc, path);
  if (values.length <= 1) return values[0] ?? null;
  return values.reduce((best, v) => (compareBson(v, best) * dir < 0 ? v : best));
}
