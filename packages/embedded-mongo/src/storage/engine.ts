import type { Document } from 'bson';
import type {
  DurableStore,
  IndexSpec,
  JournalOp,
  JournalRecord,
  SnapshotState,
} from '../durability/durable-store.js';
import type { Logger } from '../logger.js';
import { MongoCommandError } from '../errors/mongo-error.js';
import { Collection } from './collection.js';
import { valueKey } from './value-key.js';
import { ViewCatalog, type ViewDefinition } from './view-catalog.js';

/** A document lock held by an open transaction until it commits or aborts. */
export type DocumentLock = { owner: object; released: Promise<void> };

/**
 * The committed state of every database, its logical clock, and the link to the durable
 * store. All mutation happens synchronously inside one event-loop turn, and the journal record
 * for it is handed to the store in that same turn, so memory and journal never disagree at a
 * point where a snapshot could be taken.
 */
export class Engine {
  private readonly databases = new Map<string, Map<string, Collection>>();
  readonly views = new ViewCatalog();
  private clock = 0;
  private readonly openSnapshots = new Map<number, number>();
  private readonly locks = new Map<string, DocumentLock>();
  private snapshotting: Promise<void> | undefined;

  constructor(
    private readonly store: DurableStore | undefined,
    private readonly logger: Logger,
  ) {}

  // ---- catalog ------------------------------------------------------------------------------

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  databaseNames(): string[] {
    const withCollections = [...this.databases.keys()].filter(
      (db) => (this.databases.get(db)?.size ?? 0) > 0,
    );
    return [...new Set([...withCollections, ...this.views.databaseNames()])];
  }

  createCollection(db: string, name: string, options: Document, ops: JournalOp[]): Collection {
    let collections = this.databases.get(db);
    if (!collections) this.databases.set(db, (collections = new Map()));
    const created = new Collection(db, name, options);
    collections.set(name, created);
    ops.push({ op: 'createCollection', db, coll: name, options });
    return created;
  }

  /** collMod: new options for an existing collection, journalled as its createCollection. */
  modifyCollection(collection: Collection, options: Document, ops: JournalOp[]): void {
    collection.setOptions(options);
    ops.push({
      op: 'createCollection',
      db: collection.db,
      coll: collection.name,
      options,
    });
  }

  /** The collection a write goes to, created on first use; a view is never written to. */
  ensureCollection(db: string, name: string, ops: JournalOp[]): Collection {
    const existing = this.collection(db, name);
    if (existing) return existing;
    if (this.views.get(db, name)) throw viewNotCollection(db, name);
    return this.createCollection(db, name, {}, ops);
  }

  /**
   * Defines (or, for collMod, redefines) a view. Journalled as a createCollection carrying
   * `viewOn` and `pipeline`, which is how recovery tells a view from a collection.
   */
  defineView(db: string, name: string, definition: ViewDefinition, ops: JournalOp[]): void {
    this.views.define(db, name, definition);
    ops.push({ op: 'createCollection', db, coll: name, options: { ...definition } });
  }

  dropCollection(db: string, name: string, ops: JournalOp[]): boolean {
    const dropped = (this.databases.get(db)?.delete(name) ?? false) || this.views.drop(db, name);
    if (dropped) ops.push({ op: 'dropCollection', db, coll: name });
    return dropped;
  }

  dropDatabase(db: string, ops: JournalOp[]): void {
    const hadViews = this.views.dropDatabase(db);
    if (this.databases.delete(db) || hadViews) ops.push({ op: 'dropDatabase', db });
  }

  // ---- clock, snapshots and locks for transactions ---------------------------------------------

  /** Timestamp for the next commit. */
  tick(): number {
    return ++this.clock;
  }

  /** Pre-images need keeping only while some transaction reads an older snapshot. */
  undoTimestamp(ts: number): number | undefined {
    return this.openSnapshots.size > 0 ? ts : undefined;
  }

  openSnapshot(): number {
    const ts = this.clock;
    this.openSnapshots.set(ts, (this.openSnapshots.get(ts) ?? 0) + 1);
    return ts;
  }

  closeSnapshot(ts: number): void {
    const n = (this.openSnapshots.get(ts) ?? 1) - 1;
    if (n > 0) {
      this.openSnapshots.set(ts, n);
      return;
    }
    this.openSnapshots.delete(ts);
    const oldest = this.openSnapshots.size > 0 ? Math.min(...this.openSnapshots.keys()) : undefined;
    for (const collections of this.databases.values())
      for (const c of collections.values()) c.trimUndo(oldest);
  }

  lockOf(ns: string, id: string): DocumentLock | undefined {
    return this.locks.get(`${ns}\0${id}`);
  }

  lock(ns: string, id: string, lock: DocumentLock): void {
    this.locks.set(`${ns}\0${id}`, lock);
  }

  unlock(ns: string, id: string): void {
    this.locks.delete(`${ns}\0${id}`);
  }

  // ---- durability ---------------------------------------------------------------------------

  /**
   * Hands the record to the journal in the caller's turn (so it matches memory) and resolves
   * once it is on disk; only then may the write be acknowledged.
   */
  persist(ops: JournalOp[]): Promise<void> {
    if (!this.store || ops.length === 0) return Promise.resolve();
    const appended = this.store.append({ ops });
    return appended.then(() => this.compactIfNeeded());
  }

  private compactIfNeeded(): void {
    if (!this.store || this.snapshotting || !this.store.needsCompaction()) return;
    const started = Date.now();
    this.snapshotting = this.store
      .writeSnapshot(this.exportState())
      .then(() =>
        this.logger.info({ ms: Date.now() - started }, 'snapshot written, journal compacted'),
      )
      .catch((error: unknown) => this.logger.error({ err: String(error) }, 'snapshot failed'))
      .finally(() => {
        this.snapshotting = undefined;
      });
  }

  async close(): Promise<void> {
    await this.snapshotting;
    await this.store?.close();
  }

  /** The whole committed state; documents are shared, which is safe because they are immutable. */
  exportState(): SnapshotState {
    const names = new Set([...this.databases.keys(), ...this.views.databaseNames()]);
    return {
      databases: [...names].map((name) => ({
        name,
        collections: [
          ...[...(this.databases.get(name)?.values() ?? [])].map((c) => ({
            name: c.name,
            options: c.options,
            indexes: [...c.indexes.values()].map((i) => i.spec),
            docs: [...c.docs.values()],
          })),
          // A view is stored as an empty collection entry whose options define it.
          ...this.views.list(name).map((v) => ({
            name: v.name,
            options: { ...v.definition },
            indexes: [],
            docs: [],
          })),
        ],
      })),
    };
  }

  loadSnapshot(state: SnapshotState): void {
    for (const db of state.databases) {
      for (const c of db.collections) {
        if (isViewOptions(c.options)) {
          this.views.define(db.name, c.name, viewDefinitionOf(c.options));
          continue;
        }
        const coll = this.createCollection(db.name, c.name, c.options, []);
        for (const doc of c.docs) coll.put(doc);
        for (const spec of c.indexes) coll.addIndex(spec);
      }
    }
  }

  /** Re-applies a journal record during recovery (no journaling, no checks). */
  applyRecord(record: JournalRecord): void {
    for (const op of record.ops) {
      switch (op.op) {
        case 'put':
          this.ensureCollection(op.db, op.coll, []).put(op.doc);
          break;
        case 'del':
          this.collection(op.db, op.coll)?.delete(valueKey(op.id));
          break;
        case 'createCollection': {
          if (isViewOptions(op.options)) {
            this.views.define(op.db, op.coll, viewDefinitionOf(op.options));
            break;
          }
          // Also how collMod is journalled: the existing collection takes the new options.
          const existing = this.collection(op.db, op.coll);
          if (existing) existing.setOptions(op.options);
          else this.createCollection(op.db, op.coll, op.options, []);
          break;
        }
        case 'dropCollection':
          this.dropCollection(op.db, op.coll, []);
          break;
        case 'dropDatabase':
          this.dropDatabase(op.db, []);
          break;
        case 'createIndex':
          this.applyCreateIndex(op.db, op.coll, op.spec);
          break;
        case 'dropIndex':
          this.collection(op.db, op.coll)?.indexes.delete(op.name);
          break;
      }
    }
  }

  private applyCreateIndex(db: string, coll: string, spec: IndexSpec): void {
    const c = this.ensureCollection(db, coll, []);
    if (!c.indexes.has(spec.name)) c.addIndex(spec);
  }
}

function isViewOptions(options: Document): boolean {
  return typeof options.viewOn === 'string';
}

function viewDefinitionOf(options: Document): ViewDefinition {
  return { viewOn: options.viewOn as string, pipeline: (options.pipeline as Document[]) ?? [] };
}

/** mongod's answer to a write, index or listIndexes on a view. */
export function viewNotCollection(db: string, name: string): MongoCommandError {
  return new MongoCommandError(
    'CommandNotSupportedOnView',
    `Namespace ${db}.${name} is a view, not a collection`,
  );
}
