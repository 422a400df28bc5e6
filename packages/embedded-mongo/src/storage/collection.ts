import type { Document } from 'bson';
import type { IndexSpec } from '../durability/durable-store.js';
import { duplicateKeyError, SecondaryIndex } from './secondary-index.js';
import { orderedPlan, planQuery, type Plan } from './query-planner.js';
import { valueKey } from './value-key.js';

/** What a document looked like before the commit at `ts` changed it (null = it did not exist). */
export type UndoEntry = { ts: number; before: Document | null };

export const ID_INDEX: IndexSpec = { name: '_id_', key: { _id: 1 } };

/**
 * One collection's committed state: documents by `_id` key plus secondary indexes. Stored
 * documents are immutable (writers replace, never edit), so readers and snapshots can hold
 * references without copying.
 */
export class Collection {
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, SecondaryIndex>();
  /**
   * Pre-images of commits made while transactions were open, so a transaction can read the
   * collection as of its snapshot. Trimmed once no open transaction needs them.
   */
  readonly undo = new Map<string, UndoEntry[]>();

  constructor(
    readonly db: string,
    readonly name: string,
    private collectionOptions: Document = {},
  ) {}

  get options(): Document {
    return this.collectionOptions;
  }

  /** collMod: the collection's options from now on (stored documents are not revalidated). */
  setOptions(options: Document): void {
    this.collectionOptions = options;
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX, ...[...this.indexes.values()].map((i) => i.spec)];
  }

  get(id: string): Document | undefined {
    return this.docs.get(id);
  }

  plan(filter: Document, hint?: unknown, sort?: Document): Plan {
    const plan = planQuery(filter, this.indexes.values(), hint);
    return sort ? orderedPlan(plan, this.indexes.values(), sort, hint) : plan;
  }

  /** Record ids a plan yields, in plan order, without duplicates. */
  candidateIds(plan: Plan): Iterable<string> {
    switch (plan.kind) {
      case 'collectionScan':
        return this.docs.keys();
      case 'idLookup':
        return plan.ids;
      case 'indexScan':
        return this.indexScanIds(plan);
    }
  }

  /** Lazily, so a limited read stops early; deduplicated only where an id can repeat. */
  private *indexScanIds(plan: Extract<Plan, { kind: 'indexScan' }>): Generator<string> {
    const seen = plan.ranges.length > 1 || plan.index.multikey ? new Set<string>() : undefined;
    for (const r of plan.ranges) {
      for (const e of plan.index.scan(r.lower, r.upper, plan.reverse)) {
        if (seen) {
          if (seen.has(e.id)) continue;
          seen.add(e.id);
        }
        yield e.id;
      }
    }
  }

  /** Throws E11000 if `doc` (to be stored under `id`) collides with another document. */
  checkUnique(id: string, doc: Document, ignore?: (otherId: string) => boolean): void {
    const existing = this.docs.get(id);
    if (existing && !ignore?.(id) && existing !== doc) {
      throw duplicateKeyError(this.ns, ID_INDEX, [doc._id]);
    }
    this.checkSecondaryUnique(id, doc, ignore);
  }

  checkSecondaryUnique(id: string, doc: Document, ignore?: (otherId: string) => boolean): void {
    for (const index of this.indexes.values()) {
      const conflict = index.conflictWith(id, doc, ignore);
      if (conflict) throw duplicateKeyError(this.ns, index.spec, conflict.key);
    }
  }

  /** Stores `doc` as the new version of its `_id` (insert or replace); no uniqueness checks. */
  put(doc: Document, undoTs?: number): void {
    const id = valueKey(doc._id);
    const before = this.docs.get(id);
    if (undoTs !== undefined) this.recordUndo(id, undoTs, before ?? null);
    if (before) for (const index of this.indexes.values()) index.remove(id, before);
    this.docs.set(id, doc);
    for (const index of this.indexes.values()) index.add(id, doc);
  }

  delete(id: string, undoTs?: number): Document | undefined {
    const before = this.docs.get(id);
    if (!before) return undefined;
    if (undoTs !== undefined) this.recordUndo(id, undoTs, before);
    for (const index of this.indexes.values()) index.remove(id, before);
    this.docs.delete(id);
    return before;
  }

  /** Builds and adds an index; throws E11000 (leaving the collection unchanged) on duplicates. */
  addIndex(spec: IndexSpec): void {
    const index = new SecondaryIndex(spec);
    index.build(this.docs, this.ns);
    this.indexes.set(spec.name, index);
  }

  /** The version of a record a snapshot taken at `ts` sees. */
  versionAt(id: string, ts: number): Document | undefined {
    const history = this.undo.get(id);
    if (history) {
      for (const entry of history) if (entry.ts > ts) return entry.before ?? undefined;
    }
    return this.docs.get(id);
  }

  /** Whether a commit after `ts` touched the record (a write-write conflict for a snapshot at `ts`). */
  changedSince(id: string, ts: number): boolean {
    const history = this.undo.get(id);
    return history !== undefined && history.some((e) => e.ts > ts);
  }

  /** Ids of records changed by commits after `ts`, which index plans on the current state may miss. */
  *idsChangedSince(ts: number): Generator<string> {
    for (const [id, history] of this.undo) if (history.some((e) => e.ts > ts)) yield id;
  }

  trimUndo(oldestSnapshotTs: number | undefined): void {
    if (oldestSnapshotTs === undefined) {
      this.undo.clear();
      return;
    }
    for (const [id, history] of this.undo) {
      const kept = history.filter((e) => e.ts > oldestSnapshotTs);
      if (kept.length === 0) this.undo.delete(id);
      else if (kept.length !== history.length) this.undo.set(id, kept);
    }
  }

  private recordUndo(id: string, ts: number, before: Document | null): void {
    const history = this.undo.get(id);
    if (history) history.push({ ts, before });
    else this.undo.set(id, [{ ts, before }]);
  }
}
