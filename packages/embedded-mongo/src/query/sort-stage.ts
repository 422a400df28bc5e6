import type { Document } from 'bson';
import { Lazy, type Iterator } from 'mingo/lazy';
import { MongoCommandError } from '../errors/mongo-error.js';
import { sortDocuments } from './sort-documents.js';

/**
 * The `$sort` pipeline stage, ordering as `find`'s sort does (BSON order, arrays by their
 * smallest or largest element, a symbol among strings by its text). mingo's own orders by JS
 * type name first. A collation is already active around the whole pipeline (aggregate.ts).
 */
export function sortStage(collection: Iterator, spec: unknown): Iterator {
  if (spec === null || typeof spec !== 'object' || Object.keys(spec).length === 0) {
    throw new MongoCommandError('Location15976', '$sort stage must have at least one sort key');
  }
  return collection.transform((docs: Document[]) => Lazy(sortDocuments(docs, spec as Document)));
}
