import { POSTING_BYTES } from './posting-codec.js';

/** The postings of one query term as stored: packed chunks (see posting-codec.ts). */
export interface TermPostings {
  term: string;
  chunks: readonly Uint8Array[];
}

/** The collection the scores are relative to: only what the reader may see. */
export interface CorpusStatistics {
  entries: number;
  averageTermCount: number;
}

export interface RankedEntry {
  docNo: number;
  score: number;
  /** Seconds since the epoch; the tie-break. */
  publishedAt: number;
}

export interface Ranking {
  /** How many entries contain at least one query term. */
  totalCount: number;
  /** The best `limit` entries, best first. */
  top: RankedEntry[];
}

// The usual Okapi BM25 constants: term-frequency saturation and length normalisation.
const K1 = 1.2;
const B = 0.75;

/**
 * Okapi BM25 over the postings of the query terms. Document frequencies are the lengths of the
 * posting lists the reader may see, so a classified entry changes neither the ranking nor the
 * scores of a reader without access to it. Ties go to the newer entry, then the lower number,
 * so pages are stable.
 *
 * Common words match tens of thousands of entries while a page shows twenty, so the postings
 * are read straight from their packed bytes, scores accumulate in arrays indexed by entry
 * number (entry numbers are dense, so the arrays are at most the catalogue's size: 8 MB per
 * million entries), and only the best `limit` are kept, in a bounded heap, instead of sorting
 * every match.
 */
export function rankByRelevance(
  terms: readonly TermPostings[],
  corpus: CorpusStatistics,
  limit: number,
  /** Only entries it admits are scored and counted (a filter); the term statistics stay the corpus's. */
  admits?: (docNo: number) => boolean,
): Ranking {
  const lists = chunksByTerm(terms);
  const span = docNoSpan(lists);
  if (span === null) return { totalCount: 0, top: [] };
  const size = span.last - span.first + 1;
  const scores = new Float64Array(size);
  const publishedAt = new Uint32Array(size);
  const matched: number[] = [];
  const averageLength = corpus.averageTermCount > 0 ? corpus.averageTermCount : 1;
  for (const chunks of lists) {
    const frequency = chunks.reduce(
      (sum, chunk) => sum + Math.floor(chunk.byteLength / POSTING_BYTES),
      0,
    );
    const entries = Math.max(corpus.entries, frequency);
    const idf = Math.log(1 + (entries - frequency + 0.5) / (frequency + 0.5));
    for (const chunk of chunks) {
      const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let offset = 0; offset + POSTING_BYTES <= chunk.byteLength; offset += POSTING_BYTES) {
        const docNo = view.getUint32(offset, true);
        if (admits && !admits(docNo)) continue;
        const slot = docNo - span.first;
        const tf = view.getUint16(offset + 4, true);
        const lengthFactor = 1 - B + (B * view.getUint32(offset + 6, true)) / averageLength;
        if (scores[slot] === 0) {
          matched.push(slot);
          publishedAt[slot] = view.getUint32(offset + 10, true);
        }
        // BM25 gains are positive, so a slot's score is 0 exactly until its first posting.
        scores[slot]! += idf * ((tf * (K1 + 1)) / (tf + K1 * lengthFactor));
      }
    }
  }
  const best = new BoundedHeap(limit);
  for (const slot of matched) {
    best.offer({ docNo: slot + span.first, score: scores[slot]!, publishedAt: publishedAt[slot]! });
  }
  return { totalCount: matched.length, top: best.sorted() };
}

/** The lowest and highest entry numbers among the postings; null when there are none. */
function docNoSpan(lists: readonly Uint8Array[][]): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const chunks of lists) {
    for (const chunk of chunks) {
      const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let offset = 0; offset + POSTING_BYTES <= chunk.byteLength; offset += POSTING_BYTES) {
        const docNo = view.getUint32(offset, true);
        if (docNo < first) first = docNo;
        if (docNo > last) last = docNo;
      }
    }
  }
  return first === Infinity ? null : { first, last };
}

/** Whether `a` ranks before `b`. */
function ranksBefore(a: RankedEntry, b: RankedEntry): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.publishedAt !== b.publishedAt) return a.publishedAt > b.publishedAt;
  return a.docNo < b.docNo;
}

/** Keeps the best `capacity` entries seen; the root is the worst of them. */
class BoundedHeap {
  readonly #items: RankedEntry[] = [];

  constructor(readonly capacity: number) {}

  offer(entry: RankedEntry): void {
    const items = this.#items;
    if (this.capacity <= 0) return;
    if (items.length < this.capacity) {
      items.push(entry);
      let child = items.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!ranksBefore(items[parent]!, items[child]!)) break;
        [items[parent], items[child]] = [items[child]!, items[parent]!];
        child = parent;
      }
      return;
    }
    if (!ranksBefore(entry, items[0]!)) return;
    items[0] = entry;
    let parent = 0;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let worst = parent;
      if (left < items.length && ranksBefore(items[worst]!, items[left]!)) worst = left;
      if (right < items.length && ranksBefore(items[worst]!, items[right]!)) worst = right;
      if (worst === parent) return;
      [items[parent], items[worst]] = [items[worst]!, items[parent]!];
      parent = worst;
    }
  }

  sorted(): RankedEntry[] {
    return [...this.#items].sort((a, b) => (ranksBefore(a, b) ? -1 : 1));
  }
}

/** A term's postings may come in several chunks; a term asked for twice counts once. */
function chunksByTerm(terms: readonly TermPostings[]): Uint8Array[][] {
  const byTerm = new Map<string, Uint8Array[]>();
  for (const { term, chunks } of terms) byTerm.set(term, [...(byTerm.get(term) ?? []), ...chunks]);
  return [...byTerm.values()];
}

/** Title words count this many times: an entry about X usually says X in its title. */
export const TITLE_WEIGHT = 3;

/** Term frequencies of an entry's searchable text, title words weighted. */
export function termFrequencies(titleTerms: readonly string[], bodyTerms: readonly string[]) {
  const frequencies: Record<string, number> = {};
  for (const term of titleTerms) frequencies[term] = (frequencies[term] ?? 0) + TITLE_WEIGHT;
  for (const term of bodyTerms) frequencies[term] = (frequencies[term] ?? 0) + 1;
  const termCount = titleTerms.length * TITLE_WEIGHT + bodyTerms.length;
  return { termFrequencies: frequencies, termCount };
}
