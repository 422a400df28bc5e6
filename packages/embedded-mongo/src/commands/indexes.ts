import type { Document } from 'bson';
import type { IndexSpec, JournalOp } from '../durability/durable-store.js';
import { MongoCommandError } from '../errors/mongo-error.js';
import { bsonEquals } from '../query/comparison-operators.js';
import type { Collection } from '../storage/collection.js';
import { defaultIndexName } from '../storage/secondary-index.js';
import { collectionName, type CommandContext } from './command-context.js';
import { assertNotView } from './views.js';

export async function createIndexes(ctx: CommandContext): Promise<Document> {
  const coll = collectionName(ctx, 'createIndexes');
  const requested = ctx.command.indexes;
  if (!Array.isArray(requested) || requested.length === 0) {
    throw new MongoCommandError('BadValue', 'Must specify at least one index to create');
  }
  const specs = (requested as Document[]).map(parseIndexSpec);
  const engine = ctx.server.engine;
  if (engine.views.get(ctx.db, coll))
    throw new MongoCommandError('CommandNotSupportedOnView', 'Cannot create indexes on a view');
  if (ctx.transaction) {
    const created = ctx.transaction.createsCollection(ctx.db, coll);
    if (engine.collection(ctx.db, coll) && !created) {
      throw new MongoCommandError(
        'OperationNotSupportedInTransaction',
        `Cannot create new indexes on existing collection ${ctx.db}.${coll} in a multi-document transaction.`,
      );
    }
    const before = ctx.transaction.pendingIndexCount(ctx.db, coll) + 1;
    ctx.transaction.createIndexes(ctx.db, coll, specs);
    return {
      createdCollectionAutomatically: !created,
      numIndexesBefore: before,
      numIndexesAfter: ctx.transaction.pendingIndexCount(ctx.db, coll) + 1,
      ok: 1,
    };
  }
  const ops: JournalOp[] = [];
  const existed = engine.collection(ctx.db, coll) !== undefined;
  const c = engine.ensureCollection(ctx.db, coll, ops);
  const before = c.indexes.size + 1;
  try {
    addIndexes(c, specs, ops);
  } finally {
    await engine.persist(ops);
  }
  return {
    createdCollectionAutomatically: !existed,
    numIndexesBefore: before,
    numIndexesAfter: c.indexes.size + 1,
    ok: 1,
  };
}

/** Adds the indexes a collection lacks; same name and keys is a no-op, a clash an error. */
export function addIndexes(c: Collection, specs: IndexSpec[], ops: JournalOp[]): void {
  for (const spec of specs) {
    if (spec.name === '_id_' || Object.keys(spec.key).join() === '_id') continue;
    const sameName = c.indexes.get(spec.name);
    if (sameName) {
      if (!sameIndex(sameName.spec, spec)) {
        throw new MongoCommandError(
          'IndexKeySpecsConflict',
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`,
        );
      }
      continue;
    }
    const sameKey = [...c.indexes.values()].find((i) => bsonEquals(i.spec.key, spec.key));
    if (sameKey && sameIndex({ ...sameKey.spec, name: spec.name }, spec)) {
      throw new MongoCommandError(
        'IndexOptionsConflict',
        `Index already exists with a different name: ${sameKey.spec.name}`,
      );
    }
    c.addIndex(spec);
    ops.push({ op: 'createIndex', db: c.db, coll: c.name, spec });
  }
}

function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return (
    a.name === b.name &&
    bsonEquals(a.key, b.key) &&
    !!a.unique === !!b.unique &&
    !!a.sparse === !!b.sparse &&
    a.expireAfterSeconds === b.expireAfterSeconds &&
    bsonEquals(a.partialFilterExpression ?? null, b.partialFilterExpression ?? null)
  );
}

export function parseIndexSpec(raw: Document): IndexSpec {
  const key = raw.key as Document | undefined;
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0) {
    throw new MongoCommandError(
      'FailedToParse',
      "The 'key' field is a required property of an index specification",
    );
  }
  const normalized: Record<string, 1 | -1> = {};
  for (const [path, dir] of Object.entries(key)) {
    const n = Number(dir);
    if (typeof dir === 'string')
      throw new MongoCommandError(
        'CannotCreateIndex',
        `Index type '${dir}' is not supported by the embedded server`,
      );
    if (!Number.isFinite(n) || n === 0)
      throw new MongoCommandError(
        'CannotCreateIndex',
        `Values in the index key pattern can't be 0: ${path}`,
      );
    normalized[path] = n > 0 ? 1 : -1;
  }
  const name = typeof raw.name === 'string' ? raw.name : defaultIndexName(normalized);
  const spec: IndexSpec = { name, key: normalized };
  if (raw.unique === true) spec.unique = true;
  if (raw.sparse === true) spec.sparse = true;
  if (raw.partialFilterExpression && typeof raw.partialFilterExpression === 'object')
    spec.partialFilterExpression = raw.partialFilterExpression as Document;
  if (raw.expireAfterSeconds !== undefined) {
    const seconds = Number(raw.expireAfterSeconds);
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new MongoCommandError(
        'CannotCreateIndex',
        'TTL index expireAfterSeconds must be a non-negative number',
      );
    spec.expireAfterSeconds = seconds;
  }
  return spec;
}

export function listIndexes(ctx: CommandContext): Document {
  const coll = collectionName(ctx, 'listIndexes');
  assertNotView(ctx, ctx.db, coll);
  const c = ctx.server.engine.collection(ctx.db, coll);
  if (!c) throw new MongoCommandError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${coll}`);
  const ns = `${ctx.db}.${coll}`;
  const docs = c.indexSpecs().map((spec) => ({ v: 2, ...spec }));
  const batchSize = (ctx.command.cursor as Document | undefined)?.batchSize as number | undefined;
  const { id, batch } = ctx.server.cursors.open(ns, docs, (d) => d, batchSize, false);
  return { cursor: { id, ns, firstBatch: batch }, ok: 1 };
}

export async function dropIndexes(ctx: CommandContext): Promise<Document> {
  const coll = collectionName(ctx, 'dropIndexes');
  assertNotView(ctx, ctx.db, coll);
  const c = ctx.server.engine.collection(ctx.db, coll);
  if (!c) throw new MongoCommandError('NamespaceNotFound', `ns not found ${ctx.db}.${coll}`);
  const nIndexesWas = c.indexes.size + 1;
  const target = ctx.command.index;
  let names: string[];
  if (target === '*') names = [...c.indexes.keys()];
  else if (typeof target === 'string') names = [target];
  else if (Array.isArray(target)) names = target.map(String);
  else if (target && typeof target === 'object') {
    const match = [...c.indexes.values()].find((i) =>
      bsonEquals(i.spec.key, normalizeKey(target as Document)),
    );
    if (!match)
      throw new MongoCommandError(
        'IndexNotFound',
        `can't find index with key: ${JSON.stringify(target)}`,
      );
    names = [match.spec.name];
  } else
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'dropIndexes.index' is missing or the wrong type",
    );
  for (const name of names) {
    if (name === '_id_') throw new MongoCommandError('InvalidOptions', 'cannot drop _id index');
    if (!c.indexes.has(name))
      throw new MongoCommandError('IndexNotFound', `index not found with name [${name}]`);
  }
  const ops: JournalOp[] = [];
  for (const name of names) {
    c.indexes.delete(name);
    ops.push({ op: 'dropIndex', db: ctx.db, coll, name });
  }
  await ctx.server.engine.persist(ops);
  return { nIndexesWas, ok: 1 };
}

function normalizeKey(key: Document): Document {
  const out: Document = {};
  for (const [k, v] of Object.entries(key)) out[k] = Number(v) > 0 ? 1 : -1;
  return out;
}
