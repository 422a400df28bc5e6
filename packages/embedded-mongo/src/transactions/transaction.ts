import { assertDocumentValid } from '../query/document-validation.js';
import type { Document } from 'bson';
import type { IndexSpec, JournalOp } from '../durability/durable-store.js';
import { addIndexes } from '../commands/indexes.js';
import { MongoCommandError, writeConflict } from '../errors/mongo-error.js';
import type { DataView, MatchOptions, MatchResult, MatchStats } from '../storage/data-view.js';
import type { Engine } from '../storage/engine.js';
import { withCollation } from '../query/collation.js';
import { compileFilter, matchCandidates } from '../storage/match-documents.js';
import { duplicateKeyError, type SecondaryIndex } from '../storage/secondary-index.js';
import { ID_INDEX } from '../storage/collection.js';
import { valueKey } from '../storage/value-key.js';

/** A buffered write: the post-image, or null with the `_id` of a deleted document. */
type PendingWrite = { doc: Document | null; _id: unknown };
type PendingCollection = {
  db: string;
  coll: string;
  docs: Map<string, PendingWrite>;
  /**
   * Per unique index, each key the pending documents hold → the holder's id: a write checks its
   * keys against the transaction's own writes in one lookup each, not by rereading all of them.
   */
  uniqueKeys: Map<SecondaryIndex, Map<string, string>>;
};

export type TransactionState = 'active' | 'committed' | 'aborted';

/**
 * A multi-document transaction with snapshot isolation: it reads the committed state as of its
 * start plus its own writes, buffers writes until commit, and takes a lock on every document
 * it writes so a concurrent writer of the same document gets WriteConflict (first writer wins).
 */
export class Transaction implements DataView {
  readonly snapshotTs: number;
  state: TransactionState = 'active';
  lastUsed = Date.now();
  private readonly pending = new Map<string, PendingCollection>();
  /** Collections created (with their options) and indexes built by this transaction. */
  private readonly createdCollections = new Map<
    string,
    { db: string; coll: string; options: Document }
  >();
  private readonly pendingIndexes = new Map<string, IndexSpec[]>();
  private release!: () => void;
  private readonly lockHandle: { owner: object; released: Promise<void> };

  constructor(
    private readonly engine: Engine,
    readonly txnNumber: number,
  ) {
    this.snapshotTs = engine.openSnapshot();
    const released = new Promise<void>((resolve) => {
      this.release = resolve;
    });
    this.lockHandle = { owner: this, released };
  }

  match(db: string, coll: string, filter: Document, opts: MatchOptions = {}): MatchResult {
    const query = compileFilter(filter, opts.variables);
    const c = this.engine.collection(db, coll);
    const own = this.pending.get(`${db}.${coll}`)?.docs;
    const ids = new Set<string>();
    let plan: MatchStats['plan'] = { kind: 'empty' };
    if (c) {
      const p = c.plan(filter, opts.collation ? { $natural: 1 } : opts.hint);
      plan = p;
      for (const id of c.candidateIds(p)) ids.add(id);
      for (const id of c.idsChangedSince(this.snapshotTs)) ids.add(id);
    }
    if (own) for (const id of own.keys()) ids.add(id);
    const resolve = (id: string): Document | undefined => {
      const mine = own?.get(id);
      return mine ? (mine.doc ?? undefined) : c?.versionAt(id, this.snapshotTs);
    };
    // Candidates mix the index walk with changed and own records, so they arrive unsorted.
    const found = withCollation(opts.collation, () =>
      matchCandidates(
        ids,
        resolve,
        query,
        plan.kind === 'empty' ? { kind: 'collectionScan' } : plan,
        opts.sort ? undefined : opts.limit,
      ),
    );
    return { ...found, sorted: !opts.sort };
  }

  bypassDocumentValidation = false;

  insert(db: string, coll: string, doc: Document): void {
    if (!this.bypassDocumentValidation)
      assertDocumentValid(this.collectionOptions(db, coll), doc, undefined);
    const id = valueKey(doc._id);
    if (this.visible(db, coll, id)) throw duplicateKeyError(`${db}.${coll}`, ID_INDEX, [doc._id]);
    this.write(db, coll, id, doc, doc._id);
  }

  replace(db: string, coll: string, before: Document, after: Document): void {
    if (!this.bypassDocumentValidation)
      assertDocumentValid(this.collectionOptions(db, coll), after, before);
    this.write(db, coll, valueKey(before._id), after, before._id);
  }

  remove(db: string, coll: string, before: Document): void {
    this.write(db, coll, valueKey(before._id), null, before._id);
  }

  private collectionOptions(db: string, coll: string): Document {
    return (
      this.engine.collection(db, coll)?.options ??
      this.createdCollections.get(`${db}.${coll}`)?.options ??
      {}
    );
  }

  /** Records a `create` in this transaction; it becomes visible to others only at commit. */
  createCollection(db: string, coll: string, options: Document): void {
    this.assertActive();
    const ns = `${db}.${coll}`;
    if (this.engine.collection(db, coll) || this.createdCollections.has(ns)) {
      throw new MongoCommandError('NamespaceExists', `Collection ${ns} already exists.`);
    }
    this.createdCollections.set(ns, { db, coll, options });
  }

  createsCollection(db: string, coll: string): boolean {
    return this.createdCollections.has(`${db}.${coll}`);
  }

  pendingIndexCount(db: string, coll: string): number {
    return this.pendingIndexes.get(`${db}.${coll}`)?.length ?? 0;
  }

  /** Indexes on a collection this transaction creates (mongod allows no others). */
  createIndexes(db: string, coll: string, specs: IndexSpec[]): void {
    this.assertActive();
    const ns = `${db}.${coll}`;
    if (!this.createdCollections.has(ns))
      this.createdCollections.set(ns, { db, coll, options: {} });
    const list = this.pendingIndexes.get(ns) ?? [];
    for (const spec of specs) if (!list.some((s) => s.name === spec.name)) list.push(spec);
    this.pendingIndexes.set(ns, list);
  }

  /** Applies every buffered write atomically; returns the journal operations to persist. */
  commit(): JournalOp[] {
    this.assertActive();
    this.validateUniqueAtCommit();
    for (const { db, coll } of this.createdCollections.values()) {
      if (this.engine.collection(db, coll) || this.engine.views.get(db, coll)) {
        this.abort();
        throw writeConflict();
      }
    }
    // A view created since this transaction wrote to that name: its writes cannot land.
    for (const { db, coll } of this.pending.values()) {
      if (this.engine.views.get(db, coll)) {
        this.abort();
        throw writeConflict();
      }
    }
    const ops: JournalOp[] = [];
    const ts = this.engine.tick();
    this.finish('committed');
    const undoTs = this.engine.undoTimestamp(ts);
    for (const [ns, { db, coll, options }] of this.createdCollections) {
      const c = this.engine.createCollection(db, coll, options, ops);
      addIndexes(c, this.pendingIndexes.get(ns) ?? [], ops);
    }
    for (const { db, coll, docs } of this.pending.values()) {
      const c = this.engine.ensureCollection(db, coll, ops);
      for (const [id, { doc, _id }] of docs) {
        if (doc) {
          c.put(doc, undoTs);
          ops.push({ op: 'put', db, coll, doc });
        } else if (c.delete(id, undoTs)) {
          ops.push({ op: 'del', db, coll, id: _id });
        }
      }
    }
    return ops;
  }

  /**
   * An auto-commit write may have taken a unique key this transaction also wrote; the later
   * committer loses, as a retryable conflict.
   */
  private validateUniqueAtCommit(): void {
    for (const { db, coll, docs } of this.pending.values()) {
      const c = this.engine.collection(db, coll);
      if (!c) continue;
      for (const [id, { doc }] of docs) {
        if (!doc) continue;
        try {
          c.checkSecondaryUnique(id, doc, (otherId) => docs.has(otherId));
        } catch {
          this.abort();
          throw writeConflict();
        }
      }
    }
  }

  abort(): void {
    if (this.state !== 'active') return;
    this.finish('aborted');
  }

  private finish(state: TransactionState): void {
    this.state = state;
    for (const { db, coll, docs } of this.pending.values()) {
      for (const id of docs.keys()) this.engine.unlock(`${db}.${coll}`, id);
    }
    this.engine.closeSnapshot(this.snapshotTs);
    this.release();
  }

  private assertActive(): void {
    if (this.state !== 'active') {
      throw new MongoCommandError(
        'NoSuchTransaction',
        `Transaction ${this.txnNumber} has been ${this.state}.`,
        {
          errorLabels: ['TransientTransactionError'],
        },
      );
    }
  }

  private visible(db: string, coll: string, id: string): Document | undefined {
    const mine = this.pending.get(`${db}.${coll}`)?.docs.get(id);
    if (mine) return mine.doc ?? undefined;
    return this.engine.collection(db, coll)?.versionAt(id, this.snapshotTs);
  }

  private write(db: string, coll: string, id: string, doc: Document | null, _id: unknown): void {
    this.assertActive();
    const ns = `${db}.${coll}`;
    const lock = this.engine.lockOf(ns, id);
    const c = this.engine.collection(db, coll);
    if ((lock && lock.owner !== this) || c?.changedSince(id, this.snapshotTs))
      throw writeConflict();
    let entry = this.pending.get(ns);
    const previous = entry?.docs.get(id)?.doc ?? null;
    if (doc) this.checkUnique(db, coll, id, doc, entry);
    if (!entry)
      this.pending.set(ns, (entry = { db, coll, docs: new Map(), uniqueKeys: new Map() }));
    entry.docs.set(id, { doc, _id });
    trackUniqueKeys(entry, id, previous, doc);
    if (!lock) this.engine.lock(ns, id, this.lockHandle);
  }

  private checkUnique(
    db: string,
    coll: string,
    id: string,
    doc: Document,
    own: PendingCollection | undefined,
  ): void {
    const c = this.engine.collection(db, coll);
    if (!c) return;
    c.checkSecondaryUnique(id, doc, (otherId) => own?.docs.has(otherId) ?? false);
    if (!own) return;
    for (const index of c.indexes.values()) {
      if (!index.spec.unique) continue;
      const held = uniqueKeysHeld(own, index);
      for (const key of index.keysOf(doc)) {
        const holder = held.get(valueKey(key));
        if (holder !== undefined && holder !== id) throw duplicateKeyError(c.ns, index.spec, key);
      }
    }
  }
}

/** The keys `index` holds for the pending documents, built on first use for that index. */
function uniqueKeysHeld(own: PendingCollection, index: SecondaryIndex): Map<string, string> {
  let held = own.uniqueKeys.get(index);
  if (held) return held;
  held = new Map();
  for (const [id, { doc }] of own.docs) {
    if (doc) for (const key of index.keysOf(doc)) held.set(valueKey(key), id);
  }
  own.uniqueKeys.set(index, held);
  return held;
}

/** After `id`'s pending version went from `previous` to `doc`: its keys in every tracked index. */
function trackUniqueKeys(
  own: PendingCollection,
  id: string,
  previous: Document | null,
  doc: Document | null,
): void {
  for (const [index, held] of own.uniqueKeys) {
    if (previous) {
      for (const key of index.keysOf(previous)) {
        const k = valueKey(key);
        if (held.get(k) === id) held.delete(k);
      }
    }
    if (doc) for (const key of index.keysOf(doc)) held.set(valueKey(key), id);
  }
}
