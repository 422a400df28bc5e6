import type { Document } from 'bson';
import type { JournalOp } from '../durability/durable-store.js';
import type { DataView, MatchOptions, MatchResult } from './data-view.js';
import type { Engine } from './engine.js';
import { withCollation } from '../query/collation.js';
import { assertDocumentValid } from '../query/document-validation.js';
import { compileFilter, matchCandidates } from './match-documents.js';

const NATURAL_ORDER = { $natural: 1 };
import { valueKey } from './value-key.js';
import { WriteBlockedError } from './write-blocked-error.js';

/**
 * Reads and writes the committed state directly: each document write is its own atomic
 * commit, and the journal operations collect in `ops` until the command persists them.
 */
export class AutoCommitView implements DataView {
  ops: JournalOp[] = [];
  bypassDocumentValidation = false;

  constructor(private readonly engine: Engine) {}

  match(db: string, coll: string, filter: Document, opts: MatchOptions = {}): MatchResult {
    const query = compileFilter(filter, opts.variables);
    const c = this.engine.collection(db, coll);
    if (!c) {
      const stats = { plan: { kind: 'empty' as const }, keysExamined: 0, docsExamined: 0 };
      return { docs: [], stats, sorted: true };
    }
    // Indexes hold binary string order; a collated read scans the collection instead.
    const plan = opts.collation
      ? c.plan(filter, NATURAL_ORDER)
      : c.plan(filter, opts.hint, opts.sort);
    const sorted =
      !opts.sort || (!opts.collation && plan.kind === 'indexScan' && plan.providesSort === true);
    const limit = sorted ? opts.limit : undefined;
    const found = withCollation(opts.collation, () =>
      matchCandidates(c.candidateIds(plan), (id) => c.get(id), query, plan, limit),
    );
    return { docs: found.docs, stats: found.stats, sorted };
  }

  /** Throws WriteBlockedError if any of the documents is locked by an open transaction. */
  assertUnlocked(db: string, coll: string, docs: Document[]): void {
    const ns = `${db}.${coll}`;
    for (const doc of docs) {
      const lock = this.engine.lockOf(ns, valueKey(doc._id));
      if (lock) throw new WriteBlockedError(lock.released);
    }
  }

  insert(db: string, coll: string, doc: Document): void {
    const c = this.engine.ensureCollection(db, coll, this.ops);
    const id = valueKey(doc._id);
    const lock = this.engine.lockOf(c.ns, id);
    if (lock) throw new WriteBlockedError(lock.released);
    if (!this.bypassDocumentValidation) assertDocumentValid(c.options, doc, undefined);
    c.checkUnique(id, doc);
    c.put(doc, this.engine.undoTimestamp(this.engine.tick()));
    this.ops.push({ op: 'put', db, coll, doc });
  }

  replace(db: string, coll: string, before: Document, after: Document): void {
    const c = this.engine.ensureCollection(db, coll, this.ops);
    const id = valueKey(before._id);
    this.assertUnlocked(db, coll, [before]);
    if (!this.bypassDocumentValidation) assertDocumentValid(c.options, after, before);
    c.checkSecondaryUnique(id, after);
    c.put(after, this.engine.undoTimestamp(this.engine.tick()));
    this.ops.push({ op: 'put', db, coll, doc: after });
  }

  remove(db: string, coll: string, before: Document): void {
    const c = this.engine.collection(db, coll);
    if (!c) return;
    this.assertUnlocked(db, coll, [before]);
    if (c.delete(valueKey(before._id), this.engine.undoTimestamp(this.engine.tick()))) {
      this.ops.push({ op: 'del', db, coll, id: before._id });
    }
  }

  /** Hands the collected operations to the journal; resolves when they are durable. */
  flush(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    return this.engine.persist(ops);
  }
}
