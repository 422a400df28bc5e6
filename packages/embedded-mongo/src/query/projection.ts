import type { Document } from 'bson';
import { asMongoError } from './apply-update.js';
import { copyDocument } from './document-copy.js';
import { createQuery } from './mingo-options.js';

/**
 * A function shaping one stored document for the reply. mingo applies the projection
 * (including `$slice`, `$elemMatch` and the positional `.$`, which needs the filter).
 */
export function projector(
  filter: Document,
  projection: Document | undefined,
): (doc: Document) => Document {
  if (!projection || Object.keys(projection).length === 0) return (doc) => doc;
  let query: ReturnType<typeof createQuery>;
  try {
    query = createQuery(filter);
    query.find([], projection).all();
  } catch (error) {
    throw asMongoError(error);
  }
  return (doc) => {
    try {
      // mingo's exclusion deletes nested fields from a shallow copy, i.e. from the stored
      // document itself; it must only ever see a deep copy.
      return (query.find([copyDocument(doc)], projection).all()[0] ?? {}) as Document;
    } catch (error) {
      throw asMongoError(error);
    }
  };
}
