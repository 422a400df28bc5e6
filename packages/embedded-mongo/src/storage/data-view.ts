import type { Document } from 'bson';
import type { Collation } from '../query/collation.js';
import type { Plan } from './query-planner.js';

/** What a read did, for `explain` and the server's query counters. */
export type MatchStats = {
  plan: Plan | { kind: 'empty' };
  keysExamined: number;
  docsExamined: number;
};

export type MatchOptions = {
  hint?: unknown;
  /** The order the caller will sort in; a view may deliver it already (then `sorted`). */
  sort?: Document;
  /** Only the first `limit` documents in `sort` order (in any order without one) are needed. */
  limit?: number;
  /** The command's evaluated `let` variables, for `$expr` in the filter. */
  variables?: Document;
  /** Compare strings under this collation (then no index is used: indexes are binary). */
  collation?: Collation;
};

export type MatchResult = { docs: Document[]; stats: MatchStats; sorted: boolean };

/**
 * The documents a command reads and writes: the committed state directly (auto-commit), or a
 * transaction's snapshot plus its own uncommitted writes. Commands are written once against this.
 */
export interface DataView {
  /** The command asked for `bypassDocumentValidation`: writes skip the collection validator. */
  bypassDocumentValidation: boolean;
  /** Documents matching `filter`, found through the best index; never copies documents. */
  match(db: string, coll: string, filter: Document, opts?: MatchOptions): MatchResult;
  insert(db: string, coll: string, doc: Document): void;
  replace(db: string, coll: string, before: Document, after: Document): void;
  remove(db: string, coll: string, before: Document): void;
}
