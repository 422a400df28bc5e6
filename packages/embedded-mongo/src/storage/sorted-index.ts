import { compareBson } from './bson-order.js';
import type { IndexKey } from './index-keys.js';

export type IndexEntry = { key: IndexKey; id: string };

/** One end of a key range over an index prefix; `key` may be shorter than the index. */
export type Bound = { key: IndexKey; inclusive: boolean };

const MAX_BLOCK = 512;

export function compareKeys(a: IndexKey, b: IndexKey): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareBson(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function compareEntries(a: IndexEntry, b: IndexEntry): number {
  const c = compareKeys(a.key, b.key);
  if (c !== 0) return c;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Index entries ordered by key then record id, kept in blocks of at most MAX_BLOCK sorted
 * entries (a flat B+-tree of depth two): insert/remove cost O(log n + MAX_BLOCK), a range scan
 * costs O(log n + matches).
 */
export class SortedIndex {
  private blocks: IndexEntry[][] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Replaces the contents with `entries` in one sort: O(n log n) instead of n inserts. */
  load(entries: IndexEntry[]): void {
    const sorted = [...entries].sort(compareEntries);
    this.blocks = [];
    for (let i = 0; i < sorted.length; i += MAX_BLOCK / 2)
      this.blocks.push(sorted.slice(i, i + MAX_BLOCK / 2));
    this.count = sorted.length;
  }

  insert(entry: IndexEntry): void {
    this.count++;
    if (this.blocks.length === 0) {
      this.blocks.push([entry]);
      return;
    }
    const b = this.blockFor(entry);
    const block = this.blocks[b]!;
    block.splice(
      lowerBound(block, (e) => compareEntries(e, entry) < 0),
      0,
      entry,
    );
    if (block.length > MAX_BLOCK)
      this.blocks.splice(b, 1, block.slice(0, MAX_BLOCK / 2), block.slice(MAX_BLOCK / 2));
  }

  remove(entry: IndexEntry): boolean {
    if (this.blocks.length === 0) return false;
    const b = this.blockFor(entry);
    const block = this.blocks[b]!;
    const i = lowerBound(block, (e) => compareEntries(e, entry) < 0);
    if (i >= block.length || compareEntries(block[i]!, entry) !== 0) return false;
    block.splice(i, 1);
    this.count--;
    if (block.length === 0) this.blocks.splice(b, 1);
    return true;
  }

  /**
   * Entries with lower ≤/< key ≤/< upper, comparing only as many key parts as each bound has;
   * in descending order when `reverse`.
   */
  *range(
    lower: Bound | undefined,
    upper: Bound | undefined,
    reverse = false,
  ): Generator<IndexEntry> {
    if (reverse) {
      yield* this.descendFrom(lower, upper);
      return;
    }
    let [b, i] = this.firstNotBelow(lower);
    for (; b < this.blocks.length; b++, i = 0) {
      const block = this.blocks[b]!;
      for (; i < block.length; i++) {
        const e = block[i]!;
        if (isAbove(e, upper)) return;
        yield e;
      }
    }
  }

  /**
   * The entries whose key equals `key` in every part: what a unique index checks on each write,
   * so it is a plain loop rather than a `range` generator (most writes find none).
   */
  entriesEqualTo(key: IndexKey): IndexEntry[] {
    const bound: Bound = { key, inclusive: true };
    const found: IndexEntry[] = [];
    let [b, i] = this.firstNotBelow(bound);
    for (; b < this.blocks.length; b++, i = 0) {
      const block = this.blocks[b]!;
      for (; i < block.length; i++) {
        const e = block[i]!;
        if (isAbove(e, bound)) return found;
        found.push(e);
      }
    }
    return found;
  }

  /** Block and position of the first entry not below `lower` (the very first without one). */
  private firstNotBelow(lower: Bound | undefined): [block: number, index: number] {
    if (!lower) return [0, 0];
    const b = lowerBound(this.blocks, (blk) => isBelow(blk[blk.length - 1]!, lower));
    const i = b < this.blocks.length ? lowerBound(this.blocks[b]!, (e) => isBelow(e, lower)) : 0;
    return [b, i];
  }

  /** Walks backwards from the last entry not above `upper` until an entry is below `lower`. */
  private *descendFrom(lower: Bound | undefined, upper: Bound | undefined): Generator<IndexEntry> {
    const firstAboveBlock = lowerBound(this.blocks, (blk) => !isAbove(blk[blk.length - 1]!, upper));
    let b = firstAboveBlock;
    let i: number;
    if (b < this.blocks.length) {
      i = lowerBound(this.blocks[b]!, (e) => !isAbove(e, upper)) - 1;
    } else {
      b = this.blocks.length - 1;
      i = b >= 0 ? this.blocks[b]!.length - 1 : -1;
    }
    for (; b >= 0; b--, i = b >= 0 ? this.blocks[b]!.length - 1 : -1) {
      const block = this.blocks[b]!;
      for (; i >= 0; i--) {
        const e = block[i]!;
        if (isBelow(e, lower)) return;
        yield e;
      }
    }
  }

  *all(): Generator<IndexEntry> {
    for (const block of this.blocks) yield* block;
  }

  private blockFor(entry: IndexEntry): number {
    const b = lowerBound(this.blocks, (blk) => compareEntries(blk[blk.length - 1]!, entry) < 0);
    return Math.min(b, this.blocks.length - 1);
  }
}

// Module functions rather than closures made per call: a named closure costs a property
// definition each time it is created when the code runs through tsx (esbuild's keepNames).
function isBelow(e: IndexEntry, lower: Bound | undefined): boolean {
  if (!lower) return false;
  const c = compareKeys(e.key, lower.key);
  return lower.inclusive ? c < 0 : c <= 0;
}

function isAbove(e: IndexEntry, upper: Bound | undefined): boolean {
  if (!upper) return false;
  const c = compareKeys(e.key, upper.key);
  return upper.inclusive ? c > 0 : c >= 0;
}

/** First index i in a sorted array where `isBefore(arr[i])` is false. */
function lowerBound<T>(arr: T[], isBefore: (x: T) => boolean): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(arr[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
