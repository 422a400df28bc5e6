import {
  AbstractCursor,
  ClientSession,
  Collection,
  Db,
  BSON,
  MongoBulkWriteError,
  MongoClient,
  MongoClientBulkWriteError,
  MongoServerError,
  MongoWriteConcernError,
  type CommandFailedEvent,
  type CommandStartedEvent,
  type CommandSucceededEvent,
  type Document,
} from 'mongodb';
import { assertMatches, isDocument, MatchError, show, type MatchContext } from './match.js';

/**
 * A runner for MongoDB's unified test format (specifications repository,
 * source/unified-test-format), enough of it for the CRUD and transactions suites. It drives the
 * official Node driver against one server; a test it cannot run fails with the reason.
 */

export type TestOutcome =
  { status: 'pass' } | { status: 'fail'; reason: string } | { status: 'skip'; reason: string };

/** What the server under test is; tests whose runOnRequirements exclude it do not apply. */
export const SERVER = { version: [8, 0, 0], topology: 'replicaset' } as const;

const SENSITIVE = new Set([
  'authenticate',
  'saslStart',
  'saslContinue',
  'getnonce',
  'createUser',
  'updateUser',
  'copydbgetnonce',
  'copydbsaslstart',
  'copydb',
]);

type ObservedEvent =
  | { type: 'commandStartedEvent'; event: CommandStartedEvent }
  | { type: 'commandSucceededEvent'; event: CommandSucceededEvent }
  | { type: 'commandFailedEvent'; event: CommandFailedEvent };

type ClientEntity = {
  kind: 'client';
  client: MongoClient;
  events: ObservedEvent[];
  /** lsids of every command started, for assertSame/DifferentLsidOnLastTwoCommands. */
  lsids: unknown[];
};

class UnsupportedError extends Error {}

export function parseVersion(v: string): number[] {
  return v.split('.').map((p) => Number(p));
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Why a runOnRequirements list excludes this server, or undefined when one entry fits. */
export function requirementsUnmet(reqs: Document[] | undefined): string | undefined {
  if (!reqs || reqs.length === 0) return undefined;
  const reasons: string[] = [];
  for (const r of reqs) {
    const why = requirementUnmet(r);
    if (!why) return undefined;
    reasons.push(why);
  }
  return reasons.join('; ');
}

function requirementUnmet(r: Document): string | undefined {
  if (
    r.minServerVersion &&
    compareVersions(SERVER.version, parseVersion(String(r.minServerVersion))) < 0
  )
    return `needs server ≥ ${String(r.minServerVersion)}`;
  if (
    r.maxServerVersion &&
    compareVersions(SERVER.version, parseVersion(String(r.maxServerVersion))) > 0
  )
    return `needs server ≤ ${String(r.maxServerVersion)}`;
  if (Array.isArray(r.topologies) && !(r.topologies as string[]).includes(SERVER.topology))
    return `needs topology ${(r.topologies as string[]).join('/')}`;
  if (r.serverless === 'require') return 'needs serverless';
  if (r.auth === true) return 'needs authentication';
  if (r.csfle === true) return 'needs client-side encryption';
  if (r.serverParameters && isDocument(r.serverParameters)) {
    const known: Document = { enableTestCommands: true };
    for (const [k, v] of Object.entries(r.serverParameters as Document)) {
      if (!(k in known) || known[k] !== v) return `needs server parameter ${k}=${String(v)}`;
    }
  }
  return undefined;
}

/**
 * A client entity with autoEncryptOpts needs the driver's encryption library and mongocryptd or
 * crypt_shared, as a `csfle: true` requirement does; some files ask for it only this way.
 */
function needsAutoEncryption(file: Document, test: Document): boolean {
  const entities = [
    ...((file.createEntities as Document[] | undefined) ?? []),
    ...((test.createEntitiesFirst as Document[] | undefined) ?? []),
  ];
  return entities.some((e) => isDocument(e.client) && e.client.autoEncryptOpts !== undefined);
}

export class UnifiedRunner {
  private entities = new Map<string, unknown>();
  private failPoints: Array<{ client: MongoClient; name: string }> = [];

  constructor(
    private readonly uri: string,
    private readonly internal: MongoClient,
  ) {}

  async runTest(file: Document, test: Document): Promise<TestOutcome> {
    const unmet =
      requirementsUnmet(file.runOnRequirements as Document[] | undefined) ??
      requirementsUnmet(test.runOnRequirements as Document[] | undefined);
    if (unmet) return { status: 'skip', reason: unmet };
    if (needsAutoEncryption(file, test))
      return { status: 'skip', reason: 'needs client-side encryption (autoEncryptOpts)' };
    if (test.skipReason)
      return { status: 'skip', reason: `the file says: ${String(test.skipReason)}` };
    this.entities = new Map();
    this.failPoints = [];
    try {
      // As the unified format asks: no transaction left open by an earlier test may interfere.
      await this.internal
        .db('admin')
        .command({ killAllSessions: [] })
        .catch(() => undefined);
      await this.loadInitialData(file.initialData as Document[] | undefined);
      // A translated legacy test carries its own entities (its options differ per test).
      await this.createEntities(
        ((test.createEntitiesFirst ?? file.createEntities) as Document[] | undefined) ?? [],
      );
      for (const op of (test.operations as Document[] | undefined) ?? [])
        await this.runOperation(op);
      await this.checkEvents(test.expectEvents as Document[] | undefined);
      await this.checkOutcome(test.outcome as Document[] | undefined);
      return { status: 'pass' };
    } catch (error) {
      const reason =
        error instanceof MatchError || error instanceof UnsupportedError
          ? error.message
          : error instanceof Error
            ? `${error.name}: ${error.message}`
            : String(error);
      return { status: 'fail', reason };
    } finally {
      await this.cleanUp();
    }
  }

  private async cleanUp(): Promise<void> {
    for (const { client, name } of this.failPoints) {
      await client
        .db('admin')
        .command({ configureFailPoint: name, mode: 'off' })
        .catch(() => undefined);
    }
    for (const entity of this.entities.values()) {
      if (entity instanceof ClientSession) await entity.endSession().catch(() => undefined);
    }
    for (const entity of this.entities.values()) {
      if ((entity as ClientEntity | undefined)?.kind === 'client')
        await (entity as ClientEntity).client.close(true).catch(() => undefined);
    }
  }

  private async loadInitialData(initial: Document[] | undefined): Promise<void> {
    for (const data of initial ?? []) {
      const db = this.internal.db(data.databaseName as string);
      const name = data.collectionName as string;
      await db.dropCollection(name, { writeConcern: { w: 'majority' } }).catch(() => undefined);
      const docs = (data.documents as Document[] | undefined) ?? [];
      if (docs.length === 0 || data.createOptions) {
        await db.createCollection(name, {
          ...(data.createOptions as Document | undefined),
          writeConcern: { w: 'majority' },
        });
      }
      if (docs.length > 0)
        await db.collection(name).insertMany(docs, { writeConcern: { w: 'majority' } });
    }
  }

  // ---- entities -----------------------------------------------------------------------------

  private async createEntities(list: Document[]): Promise<void> {
    for (const item of list) {
      const [type, spec] = Object.entries(item)[0] as [string, Document];
      const id = spec.id as string;
      switch (type) {
        case 'client':
          this.entities.set(id, await this.createClient(spec));
          break;
        case 'database': {
          const client = this.entity<ClientEntity>(spec.client as string).client;
          this.entities.set(
            id,
            client.db(
              spec.databaseName as string,
              (spec.databaseOptions as Document | undefined) ?? {},
            ),
          );
          break;
        }
        case 'collection': {
          const db = this.entity<Db>(spec.database as string);
          this.entities.set(
            id,
            db.collection(
              spec.collectionName as string,
              (spec.collectionOptions as Document | undefined) ?? {},
            ),
          );
          break;
        }
        case 'session': {
          const client = this.entity<ClientEntity>(spec.client as string).client;
          const options = { ...((spec.sessionOptions as Document | undefined) ?? {}) };
          this.entities.set(id, client.startSession(options));
          break;
        }
        default:
          throw new UnsupportedError(`runner: entity type ${type} is not supported`);
      }
    }
  }

  private async createClient(spec: Document): Promise<ClientEntity> {
    const observe = new Set((spec.observeEvents as string[] | undefined) ?? []);
    const ignore = new Set((spec.ignoreCommandMonitoringEvents as string[] | undefined) ?? []);
    const sensitive = spec.observeSensitiveCommands === true;
    const uriOptions = { ...((spec.uriOptions as Document | undefined) ?? {}) };
    if ('appname' in uriOptions) {
      uriOptions.appName = uriOptions.appname;
      delete uriOptions.appname;
    }
    if ('w' in uriOptions) {
      uriOptions.writeConcern = { w: uriOptions.w };
      delete uriOptions.w;
    }
    if ('readConcernLevel' in uriOptions) {
      uriOptions.readConcern = { level: uriOptions.readConcernLevel };
      delete uriOptions.readConcernLevel;
    }
    const client = new MongoClient(this.uri, { monitorCommands: true, ...uriOptions });
    const entity: ClientEntity = { kind: 'client', client, events: [], lsids: [] };
    const skip = (name: string): boolean =>
      name === 'configureFailPoint' || ignore.has(name) || (!sensitive && SENSITIVE.has(name));
    client.on('commandStarted', (event) => {
      entity.lsids.push((event.command as Document).lsid);
      if (observe.has('commandStartedEvent') && !skip(event.commandName))
        entity.events.push({ type: 'commandStartedEvent', event });
    });
    client.on('commandSucceeded', (event) => {
      if (observe.has('commandSucceededEvent') && !skip(event.commandName))
        entity.events.push({ type: 'commandSucceededEvent', event });
    });
    client.on('commandFailed', (event) => {
      if (observe.has('commandFailedEvent') && !skip(event.commandName))
        entity.events.push({ type: 'commandFailedEvent', event });
    });
    await client.connect();
    return entity;
  }

  private entity<T>(id: string): T {
    if (!this.entities.has(id)) throw new UnsupportedError(`runner: no entity ${id}`);
    return this.entities.get(id) as T;
  }

  private matchContext(): MatchContext {
    return {
      entity: (id) => this.entity(id),
      sessionLsid: (id) => this.entity<ClientSession>(id).id,
    };
  }

  // ---- operations ---------------------------------------------------------------------------

  private async runOperation(op: Document): Promise<void> {
    let result: unknown;
    let error: unknown;
    try {
      result = await this.execute(op);
    } catch (e) {
      if (e instanceof UnsupportedError) throw e;
      error = e;
    }
    if (op.expectError) {
      if (error === undefined)
        throw new MatchError(`${String(op.name)}: expected an error, got ${show(result)}`);
      this.checkError(op.expectError as Document, error);
      return;
    }
    if (error !== undefined) {
      if (op.ignoreResultAndError === true) return;
      throw error;
    }
    if (op.saveResultAsEntity) this.entities.set(op.saveResultAsEntity as string, result);
    if (op.expectResult !== undefined && op.ignoreResultAndError !== true) {
      assertMatches(op.expectResult, result, this.matchContext());
    }
  }

  private checkError(expected: Document, error: unknown): void {
    // A client bulk write that fails as a whole wraps the server's error as its cause; the
    // error assertions are about that error, the results about the wrapper.
    const e = (
      error instanceof MongoClientBulkWriteError && error.cause instanceof Error
        ? error.cause
        : error
    ) as Document & Error;
    const isServer = e instanceof MongoServerError;
    if (expected.isClientError === true && isServer)
      throw new MatchError(`expected a client error, got server error ${e.message}`);
    if (expected.isClientError === false && !isServer)
      throw new MatchError(`expected a server error, got ${e.name}: ${e.message}`);
    if (expected.isTimeoutError === true && !/timeout|timed out/i.test(e.name + e.message))
      throw new MatchError(`expected a timeout error, got ${e.message}`);
    if (
      typeof expected.errorContains === 'string' &&
      !e.message.toLowerCase().includes(expected.errorContains.toLowerCase())
    )
      throw new MatchError(`error "${e.message}" does not contain "${expected.errorContains}"`);
    const code = (e.code ?? e.errorResponse?.code) as number | undefined;
    if (expected.errorCode !== undefined && code !== expected.errorCode)
      throw new MatchError(
        `error code ${String(code)}, expected ${String(expected.errorCode)} (${e.message})`,
      );
    const codeName = (e.codeName ?? e.errorResponse?.codeName) as string | undefined;
    if (expected.errorCodeName !== undefined && codeName !== expected.errorCodeName)
      throw new MatchError(
        `error codeName ${String(codeName)}, expected ${String(expected.errorCodeName)} (${e.message})`,
      );
    const hasLabel = (label: string): boolean =>
      typeof e.hasErrorLabel === 'function'
        ? (e.hasErrorLabel as (l: string) => boolean)(label)
        : false;
    for (const label of (expected.errorLabelsContain as string[] | undefined) ?? [])
      if (!hasLabel(label)) throw new MatchError(`error lacks label ${label} (${e.message})`);
    for (const label of (expected.errorLabelsOmit as string[] | undefined) ?? [])
      if (hasLabel(label)) throw new MatchError(`error has label ${label}`);
    if (expected.errorResponse !== undefined)
      assertMatches(expected.errorResponse, e.errorResponse, this.matchContext());
    if (expected.writeErrors !== undefined) {
      const writeErrors =
        error instanceof MongoClientBulkWriteError
          ? Object.fromEntries(error.writeErrors)
          : undefined;
      // Each write error is a root-level document (mongod adds errmsg, the driver message);
      // the errors reported are exactly those expected.
      if (writeErrors === undefined) throw new MatchError('expected a client bulk write error');
      const want = expected.writeErrors as Document;
      const indexes = (m: Document): string => Object.keys(m).sort().join(',');
      if (indexes(want) !== indexes(writeErrors))
        throw new MatchError(
          `write errors at ${indexes(writeErrors)}, expected at ${indexes(want)}`,
        );
      for (const [index, writeError] of Object.entries(want))
        assertMatches(writeError, writeErrors[index], this.matchContext(), `$.${index}`, true);
    }
    if (expected.writeConcernErrors !== undefined) {
      // The driver reports each as { code, message }; tests write the server's { code, errmsg }.
      const wce =
        error instanceof MongoClientBulkWriteError
          ? error.writeConcernErrors.map((w: Document) => ({
              code: w.code as unknown,
              errmsg: (w.errmsg ?? w.message) as unknown,
            }))
          : undefined;
      assertMatches(expected.writeConcernErrors, wce, this.matchContext());
    }
    if (expected.expectResult !== undefined) {
      const partial =
        error instanceof MongoClientBulkWriteError
          ? clientBulkWriteResult(error.partialResult)
          : error instanceof MongoBulkWriteError
            ? bulkResult(error.result)
            : undefined;
      assertMatches(expected.expectResult, partial, this.matchContext());
    }
  }

  private async execute(op: Document): Promise<unknown> {
    const name = op.name as string;
    const args = { ...((op.arguments as Document | undefined) ?? {}) };
    if (typeof args.session === 'string') args.session = this.entity<ClientSession>(args.session);
    if (op.object === 'testRunner') return this.testRunnerOperation(name, args);
    const target = this.entity<unknown>(op.object as string);
    if (target instanceof Collection) return this.collectionOperation(target, name, args);
    if (target instanceof Db) return this.databaseOperation(target, name, args);
    if (target instanceof ClientSession) return this.sessionOperation(target, name, args);
    if (target instanceof AbstractCursor) return this.cursorOperation(target, name);
    if ((target as ClientEntity).kind === 'client')
      return this.clientOperation((target as ClientEntity).client, name, args);
    throw new UnsupportedError(
      `runner: operation ${name} on ${String(op.object)} is not supported`,
    );
  }

  private async collectionOperation(
    coll: Collection,
    name: string,
    args: Document,
  ): Promise<unknown> {
    const {
      filter,
      document,
      documents,
      update,
      replacement,
      pipeline,
      requests,
      fieldName,
      keys,
      ...options
    } = args;
    // The specification spells the enum "Before"/"After"; the Node driver wants lower case.
    if (typeof options.returnDocument === 'string')
      options.returnDocument = options.returnDocument.toLowerCase();
    switch (name) {
      case 'aggregate':
        return coll.aggregate(pipeline as Document[], options).toArray();
      case 'bulkWrite': {
        const result = await coll.bulkWrite(requests as never, options);
        return bulkResult(result);
      }
      case 'count':
        return coll.count(filter as Document, options);
      case 'countDocuments':
        return coll.countDocuments(filter as Document, options);
      case 'estimatedDocumentCount':
        return coll.estimatedDocumentCount(options);
      case 'createFindCursor':
        return coll.find(filter as Document, options);
      case 'createIndex': {
        return coll.createIndex(keys as Document, options);
      }
      case 'deleteMany':
        return coll.deleteMany(filter as Document, options);
      case 'deleteOne':
        return coll.deleteOne(filter as Document, options);
      case 'distinct':
        return coll.distinct(fieldName as string, filter as Document, options);
      case 'drop':
        return coll.drop(options);
      case 'dropIndex':
        return coll.dropIndex(options.name as string, options);
      case 'dropIndexes':
        return coll.dropIndexes(options);
      case 'find':
        return coll.find(filter as Document, options).toArray();
      case 'findOne':
        return coll.findOne(filter as Document, options);
      case 'findOneAndDelete':
        return coll.findOneAndDelete(filter as Document, options);
      case 'findOneAndReplace':
        return coll.findOneAndReplace(filter as Document, replacement as Document, options);
      case 'findOneAndUpdate':
        return coll.findOneAndUpdate(filter as Document, update as Document, options);
      case 'insertMany': {
        const result = await coll.insertMany(documents as Document[], options);
        return { insertedIds: result.insertedIds, insertedCount: result.insertedCount };
      }
      case 'insertOne':
        return coll.insertOne(document as Document, options);
      case 'listIndexes':
        return coll.listIndexes(options).toArray();
      case 'listIndexNames':
        return (await coll.listIndexes(options).toArray()).map((i) => i.name as string);
      case 'replaceOne':
        return coll.replaceOne(filter as Document, replacement as Document, options);
      case 'updateMany':
        return coll.updateMany(filter as Document, update as Document, options);
      case 'updateOne':
        return coll.updateOne(filter as Document, update as Document, options);
      case 'rename':
        return coll.rename(options.to as string, options);
      default:
        throw new UnsupportedError(`runner: collection operation ${name} is not supported`);
    }
  }

  private async databaseOperation(db: Db, name: string, args: Document): Promise<unknown> {
    const { collection, pipeline, command, filter, commandName: _commandName, ...options } = args;
    switch (name) {
      case 'aggregate':
        return db.aggregate(pipeline as Document[], options).toArray();
      case 'createCollection':
        // `pipeline` here is a view's definition, not an aggregation to run.
        await db.createCollection(collection as string, {
          ...options,
          ...(pipeline === undefined ? {} : { pipeline: pipeline as Document[] }),
        });
        return undefined;
      case 'dropCollection':
        return db.dropCollection(collection as string, options);
      case 'listCollections':
        return db.listCollections(filter as Document, options).toArray();
      case 'listCollectionNames':
        return (
          await db.listCollections(filter as Document, { ...options, nameOnly: true }).toArray()
        ).map((c) => c.name);
      case 'runCommand':
        return db.command(command as Document, options);
      case 'modifyCollection':
        return db.command({ collMod: collection, ...options });
      default:
        throw new UnsupportedError(`runner: database operation ${name} is not supported`);
    }
  }

  private async clientOperation(
    client: MongoClient,
    name: string,
    args: Document,
  ): Promise<unknown> {
    switch (name) {
      case 'listDatabases':
        return (await client.db('admin').admin().listDatabases(args)).databases;
      case 'listDatabaseNames':
        return (await client.db('admin').admin().listDatabases(args)).databases.map((d) => d.name);
      case 'clientBulkWrite': {
        const { models, ...options } = args;
        const converted = (models as Document[]).map((m) => {
          const [kind, spec] = Object.entries(m)[0] as [string, Document];
          return { name: kind, ...spec };
        });
        return clientBulkWriteResult(await client.bulkWrite(converted as never, options));
      }
      case 'close':
        await client.close();
        return undefined;
      default:
        throw new UnsupportedError(`runner: client operation ${name} is not supported`);
    }
  }

  private async sessionOperation(
    session: ClientSession,
    name: string,
    args: Document,
  ): Promise<unknown> {
    switch (name) {
      case 'startTransaction':
        session.startTransaction(args);
        return undefined;
      case 'commitTransaction':
        return session.commitTransaction();
      case 'abortTransaction':
        return session.abortTransaction();
      case 'endSession':
        return session.endSession();
      case 'withTransaction': {
        const { callback, ...options } = args;
        await session.withTransaction(async () => {
          for (const op of callback as Document[]) await this.runOperation(op);
        }, options);
        return undefined;
      }
      default:
        throw new UnsupportedError(`runner: session operation ${name} is not supported`);
    }
  }

  private async cursorOperation(cursor: AbstractCursor, name: string): Promise<unknown> {
    switch (name) {
      case 'iterateUntilDocumentOrError':
      case 'iterateOnce':
        return cursor.next();
      case 'close':
        return cursor.close();
      default:
        throw new UnsupportedError(`runner: cursor operation ${name} is not supported`);
    }
  }

  private async testRunnerOperation(name: string, args: Document): Promise<unknown> {
    const session = args.session as ClientSession | undefined;
    switch (name) {
      case 'failPoint': {
        const client = this.entity<ClientEntity>(args.client as string).client;
        const failPoint = args.failPoint as Document;
        await client.db('admin').command(failPoint);
        this.failPoints.push({ client, name: failPoint.configureFailPoint as string });
        return undefined;
      }
      case 'targetedFailPoint': {
        const client = (session as unknown as { client: MongoClient }).client;
        const failPoint = args.failPoint as Document;
        await client.db('admin').command(failPoint);
        this.failPoints.push({ client, name: failPoint.configureFailPoint as string });
        return undefined;
      }
      case 'assertSessionTransactionState': {
        const state = (session as unknown as { transaction: { state: string } }).transaction.state;
        const expected = `${String(args.state)}`;
        const normalized = state
          .replace(/^TRANSACTION_/, '')
          .toLowerCase()
          .replace(/_/g, '_');
        const map: Record<string, string> = {
          none: 'no_transaction',
          starting: 'starting_transaction',
          in_progress: 'transaction_in_progress',
          committed: 'transaction_committed',
          aborted: 'transaction_aborted',
        };
        if (map[expected] !== normalized && expected !== normalized)
          throw new MatchError(`session transaction state ${state}, expected ${expected}`);
        return undefined;
      }
      case 'assertSessionPinned':
      case 'assertSessionUnpinned':
        return undefined;
      case 'assertSessionDirty':
      case 'assertSessionNotDirty': {
        const dirty =
          (session as unknown as { serverSession?: { isDirty: boolean } }).serverSession?.isDirty ??
          false;
        if (dirty !== (name === 'assertSessionDirty'))
          throw new MatchError(`session dirty is ${String(dirty)}`);
        return undefined;
      }
      case 'assertSameLsidOnLastTwoCommands':
      case 'assertDifferentLsidOnLastTwoCommands': {
        const { lsids } = this.entity<ClientEntity>(args.client as string);
        const [a, b] = lsids.slice(-2);
        const same = BSON.EJSON.stringify(a as Document) === BSON.EJSON.stringify(b as Document);
        if (same !== (name === 'assertSameLsidOnLastTwoCommands'))
          throw new MatchError(
            `lsids of the last two commands are ${same ? 'the same' : 'different'}`,
          );
        return undefined;
      }
      case 'assertCollectionExists':
      case 'assertCollectionNotExists': {
        const names = (
          await this.internal
            .db((args.databaseName as string) ?? (args.database as string))
            .listCollections({}, { nameOnly: true })
            .toArray()
        ).map((c) => c.name);
        const exists = names.includes((args.collectionName ?? args.collection) as string);
        if (exists !== (name === 'assertCollectionExists'))
          throw new MatchError(
            `collection ${String(args.collectionName ?? args.collection)} ${exists ? 'exists' : 'does not exist'}`,
          );
        return undefined;
      }
      case 'assertIndexExists':
      case 'assertIndexNotExists': {
        const indexes = await this.internal
          .db((args.databaseName ?? args.database) as string)
          .collection((args.collectionName ?? args.collection) as string)
          .listIndexes()
          .toArray()
          .catch(() => [] as Document[]);
        const exists = indexes.some((i) => i.name === (args.indexName ?? args.index));
        if (exists !== (name === 'assertIndexExists'))
          throw new MatchError(
            `index ${String(args.indexName ?? args.index)} ${exists ? 'exists' : 'does not exist'}`,
          );
        return undefined;
      }
      case 'createEntities':
        await this.createEntities(args.entities as Document[]);
        return undefined;
      case 'assertNumberConnectionsCheckedOut':
        return undefined;
      case 'wait':
        await new Promise((resolve) => setTimeout(resolve, Number(args.ms)));
        return undefined;
      default:
        throw new UnsupportedError(`runner: testRunner operation ${name} is not supported`);
    }
  }

  // ---- expectations -------------------------------------------------------------------------

  private async checkEvents(expectations: Document[] | undefined): Promise<void> {
    for (const expectation of expectations ?? []) {
      const eventType = (expectation.eventType as string | undefined) ?? 'command';
      if (eventType !== 'command')
        throw new UnsupportedError(`runner: ${eventType} events are not supported`);
      const client = this.entity<ClientEntity>(expectation.client as string);
      const expected = expectation.events as Document[];
      let actual = client.events;
      if (expectation.ignoreExtraEvents === true) actual = actual.slice(0, expected.length);
      if (actual.length !== expected.length) {
        throw new MatchError(
          `client ${String(expectation.client)}: ${actual.length} events, expected ${expected.length}: ${actual.map((e) => `${e.type}:${e.event.commandName}`).join(', ')}`,
        );
      }
      expected.forEach((want, i) => {
        const [type, spec] = Object.entries(want)[0] as [string, Document];
        const got = actual[i]!;
        const at = `event ${i} (${got.type} ${got.event.commandName})`;
        if (got.type !== type) throw new MatchError(`${at}: expected ${type}`);
        const ctx = this.matchContext();
        try {
          if (spec.commandName !== undefined)
            assertMatches(spec.commandName, got.event.commandName, ctx);
          if (spec.databaseName !== undefined)
            assertMatches(spec.databaseName, got.event.databaseName, ctx);
          if (spec.command !== undefined && got.type === 'commandStartedEvent')
            assertMatches(spec.command, got.event.command, ctx);
          if (spec.reply !== undefined && got.type === 'commandSucceededEvent')
            assertMatches(spec.reply, got.event.reply, ctx);
        } catch (error) {
          if (error instanceof MatchError) throw new MatchError(`${at}: ${error.message}`);
          throw error;
        }
      });
    }
  }

  private async checkOutcome(outcome: Document[] | undefined): Promise<void> {
    for (const expected of outcome ?? []) {
      const docs = await this.internal
        .db(expected.databaseName as string)
        .collection(expected.collectionName as string)
        .find({}, { sort: { _id: 1 }, readConcern: { level: 'local' } })
        .toArray();
      try {
        assertMatches(expected.documents, docs, this.matchContext(), '$', false);
      } catch (error) {
        if (error instanceof MatchError)
          throw new MatchError(`outcome ${String(expected.collectionName)}: ${error.message}`);
        throw error;
      }
    }
  }
}

function bulkResult(result: Document): Document {
  return {
    deletedCount: result.deletedCount,
    insertedCount: result.insertedCount,
    insertedIds: result.insertedIds,
    matchedCount: result.matchedCount,
    modifiedCount: result.modifiedCount,
    upsertedCount: result.upsertedCount,
    upsertedIds: result.upsertedIds,
  };
}

function mapToObject(m: unknown): unknown {
  if (!(m instanceof Map)) return m;
  return Object.fromEntries([...m.entries()].map(([k, v]) => [String(k), v]));
}

function clientBulkWriteResult(result: Document | undefined): Document | undefined {
  if (!result) return undefined;
  return {
    insertedCount: result.insertedCount,
    upsertedCount: result.upsertedCount,
    matchedCount: result.matchedCount,
    modifiedCount: result.modifiedCount,
    deletedCount: result.deletedCount,
    ...(result.insertResults ? { insertResults: mapToObject(result.insertResults) } : {}),
    ...(result.updateResults
      ? {
          // The spec's UpdateResult: no didUpsert, and upsertedId only when one was upserted.
          updateResults: Object.fromEntries(
            Object.entries(mapToObject(result.updateResults) as Document).map(([k, r]) => [
              k,
              {
                matchedCount: (r as Document).matchedCount,
                modifiedCount: (r as Document).modifiedCount,
                ...((r as Document).upsertedId === undefined
                  ? {}
                  : { upsertedId: (r as Document).upsertedId as unknown }),
              },
            ]),
          ),
        }
      : {}),
    ...(result.deleteResults ? { deleteResults: mapToObject(result.deleteResults) } : {}),
  };
}

export { MongoBulkWriteError, MongoWriteConcernError };
