import { Binary, type Document } from 'bson';
import { createHash } from 'node:crypto';
import type { JournalOp } from '../durability/durable-store.js';
import { MongoCommandError } from '../errors/mongo-error.js';
import { assertValidValidationOptions } from '../query/document-validation.js';
import { createQuery } from '../query/mingo-options.js';
import { collectionName, optionalDocument, type CommandContext } from './command-context.js';
import { parseViewDefinition } from './views.js';

/** Fields of a `create` command that are protocol envelope, not collection options. */
const ENVELOPE_FIELDS = new Set([
  'create',
  '$db',
  'lsid',
  '$clusterTime',
  'txnNumber',
  'autocommit',
  'startTransaction',
  'writeConcern',
  '$readPreference',
  'comment',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
]);

export async function create(ctx: CommandContext): Promise<Document> {
  const name = collectionName(ctx, 'create');
  const options: Document = {};
  for (const [k, v] of Object.entries(ctx.command)) if (!ENVELOPE_FIELDS.has(k)) options[k] = v;
  assertSupportedOptions(options);
  const engine = ctx.server.engine;
  const view = parseViewDefinition(options);
  if (view) assertOnlyViewOptions(options);
  if (engine.views.get(ctx.db, name))
    throw new MongoCommandError('NamespaceExists', `Collection ${ctx.db}.${name} already exists.`);
  if (ctx.transaction) {
    if (view)
      throw new MongoCommandError(
        'OperationNotSupportedInTransaction',
        'Cannot create a view in a multi-document transaction.',
      );
    ctx.transaction.createCollection(ctx.db, name, options);
    return { ok: 1 };
  }
  if (engine.collection(ctx.db, name)) {
    throw new MongoCommandError('NamespaceExists', `Collection ${ctx.db}.${name} already exists.`);
  }
  const ops: JournalOp[] = [];
  if (view) {
    engine.views.assertValidChain(ctx.db, name, view.viewOn);
    engine.defineView(ctx.db, name, view, ops);
  } else engine.createCollection(ctx.db, name, options, ops);
  await engine.persist(ops);
  return { ok: 1 };
}

/** A view has a definition and nothing else a collection may have (mongod: 72). */
function assertOnlyViewOptions(options: Document): void {
  for (const [option, value] of Object.entries(options)) {
    if (option === 'viewOn' || option === 'pipeline' || value === undefined) continue;
    // A simple collation is a view's default already; any other was refused earlier.
    if (option === 'collation') continue;
    throw new MongoCommandError('InvalidOptions', `option not supported on a view: ${option}`);
  }
}

/** The collMod options this server applies to a collection; any other is refused rather than ignored. */
const COLL_MOD_OPTIONS = new Set(['validator', 'validationLevel', 'validationAction']);
const VIEW_OPTIONS = new Set(['viewOn', 'pipeline']);

export async function collMod(ctx: CommandContext): Promise<Document> {
  const name = collectionName(ctx, 'collMod');
  const engine = ctx.server.engine;
  const view = engine.views.get(ctx.db, name);
  const changes: Document = {};
  for (const [k, v] of Object.entries(ctx.command)) {
    if (k === 'collMod' || ENVELOPE_FIELDS.has(k)) continue;
    if (view && !VIEW_OPTIONS.has(k))
      throw new MongoCommandError('InvalidOptions', `option not supported on a view: ${k}`);
    if (!view && VIEW_OPTIONS.has(k))
      throw new MongoCommandError('InvalidOptions', `option only supported on a view: ${k}`);
    if (!view && !COLL_MOD_OPTIONS.has(k))
      throw new MongoCommandError(
        'InvalidOptions',
        `collMod option '${k}' is not supported by the embedded server`,
      );
    changes[k] = v;
  }
  const ops: JournalOp[] = [];
  if (view) {
    const redefined = parseViewDefinition(changes, view) ?? view;
    engine.views.assertValidChain(ctx.db, name, redefined.viewOn);
    engine.defineView(ctx.db, name, redefined, ops);
    await engine.persist(ops);
    return { ok: 1 };
  }
  assertValidValidationOptions(changes);
  const c = engine.collection(ctx.db, name);
  if (!c) throw new MongoCommandError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
  engine.modifyCollection(c, { ...c.options, ...changes }, ops);
  await engine.persist(ops);
  return { ok: 1 };
}

export async function drop(ctx: CommandContext): Promise<Document> {
  const name = collectionName(ctx, 'drop');
  const c = ctx.server.engine.collection(ctx.db, name);
  const view = ctx.server.engine.views.get(ctx.db, name);
  const ops: JournalOp[] = [];
  ctx.server.engine.dropCollection(ctx.db, name, ops);
  await ctx.server.engine.persist(ops);
  // A view has no indexes, so mongod's reply for it names only the namespace.
  if (view) return { ns: `${ctx.db}.${name}`, ok: 1 };
  return { ns: `${ctx.db}.${name}`, nIndexesWas: c ? c.indexes.size + 1 : 0, ok: 1 };
}

export function listCollections(ctx: CommandContext): Document {
  const filter = optionalDocument(ctx, 'filter') ?? {};
  const nameOnly = ctx.command.nameOnly === true;
  const collections = ctx.server.engine.collections(ctx.db).map((c) =>
    nameOnly
      ? { name: c.name, type: 'collection' }
      : {
          name: c.name,
          type: 'collection',
          options: c.options,
          info: { readOnly: false, uuid: collectionUuid(c.ns) },
          idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
        },
  );
  const views = ctx.server.engine.views.list(ctx.db).map(({ name, definition }) =>
    nameOnly
      ? { name, type: 'view' }
      : {
          name,
          type: 'view',
          options: { viewOn: definition.viewOn, pipeline: definition.pipeline },
          info: { readOnly: true },
        },
  );
  const entries = [...collections, ...views];
  const query = createQuery(filter);
  const matching = entries.filter((e) => query.test(e));
  const batchSize = (ctx.command.cursor as Document | undefined)?.batchSize as number | undefined;
  const { id, batch } = ctx.server.cursors.open(
    `${ctx.db}.$cmd.listCollections`,
    matching,
    (d) => d,
    batchSize,
    false,
  );
  return { cursor: { id, ns: `${ctx.db}.$cmd.listCollections`, firstBatch: batch }, ok: 1 };
}

/** A stable UUID per namespace, so repeated listCollections agree. */
function collectionUuid(ns: string): Binary {
  const bytes = createHash('sha1').update(ns).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return new Binary(bytes, Binary.SUBTYPE_UUID);
}

/**
 * Collection options this server would otherwise store without honouring; each changes what
 * reads or writes return, so it is refused rather than ignored.
 */
const UNSUPPORTED_OPTIONS: Record<string, string> = {
  capped: 'capped collections',
  timeseries: 'time-series collections',
  clusteredIndex: 'clustered collections',
  encryptedFields: 'queryable encryption',
};

function assertSupportedOptions(options: Document): void {
  assertValidValidationOptions(options);
  for (const [option, feature] of Object.entries(UNSUPPORTED_OPTIONS)) {
    if (options[option] !== undefined && options[option] !== false) {
      throw new MongoCommandError(
        'CommandNotSupported',
        `${feature} are not supported by the embedded server (option '${option}')`,
      );
    }
  }
}
