import { calculateObjectSize, ObjectId, type Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { collectionName, type CommandContext } from './command-context.js';
import { assertNotView } from './views.js';
import { requireArray, runStatements, withWriteErrors } from './write-statements.js';

export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

export async function insert(ctx: CommandContext): Promise<Document> {
  const coll = collectionName(ctx, 'insert');
  assertNotView(ctx, ctx.db, coll);
  const documents = requireArray(ctx, 'documents');
  let n = 0;
  const writeErrors = await runStatements(ctx, documents, (doc) => {
    ctx.view.insert(ctx.db, coll, prepareForInsert(doc));
    n++;
  });
  return withWriteErrors({ n }, writeErrors);
}

/** Validates a new document and gives it an `_id` (first, as mongod does) when it has none. */
export function prepareForInsert(doc: Document): Document {
  // mongod stores `_id` as the first field whatever position the client gave it.
  const withId =
    '_id' in doc
      ? Object.keys(doc)[0] === '_id'
        ? doc
        : { _id: doc._id, ...doc }
      : { _id: new ObjectId(), ...doc };
  const id = withId._id as unknown;
  if (Array.isArray(id))
    throw new MongoCommandError('InvalidIdField', "The '_id' value cannot be of type array");
  if (id instanceof RegExp)
    throw new MongoCommandError('InvalidIdField', "The '_id' value cannot be of type regex");
  if (id === undefined)
    throw new MongoCommandError('InvalidIdField', "The '_id' value cannot be undefined");
  const dollarKey = dollarPrefixedKey(id);
  if (dollarKey !== undefined) {
    throw new MongoCommandError(
      'DollarPrefixedFieldName',
      `_id fields may not contain '$'-prefixed fields: ${dollarKey} is not valid for storage.`,
    );
  }
  const size = calculateObjectSize(withId);
  if (size > MAX_BSON_OBJECT_SIZE) {
    throw new MongoCommandError(
      'BSONObjectTooLarge',
      `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_OBJECT_SIZE}`,
    );
  }
  return withId;
}

/** The first `$`-prefixed field name inside an `_id` document, at any depth. */
function dollarPrefixedKey(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if ((value as { _bsontype?: string })._bsontype !== undefined) return undefined;
  if (value instanceof Date || value instanceof RegExp) return undefined;
  for (const [key, inner] of Object.entries(value as Document)) {
    if (key.startsWith('$') && !Array.isArray(value)) return key;
    const nested = dollarPrefixedKey(inner);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
