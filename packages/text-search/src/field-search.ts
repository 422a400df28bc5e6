import { segment } from './segmenter.js';

/**
 * The longest search text, in characters, and the most distinct terms it may segment into. A
 * person searches with a few words; a page of text would only cost everyone else time.
 */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 32;

/** How many matching records at most are ranked; past this, a narrower query serves better. */
export const MAX_RANKED = 1_000;

/** One searchable field of a record and how much a match in it counts. */
export interface WeightedField {
  text: string | null | undefined;
  weight: number;
}

/**
 * The terms a record is found by, each once: the words of every field. A record matches a query
 * when it holds all of the query's terms (`{ searchTerms: { $all: terms } }` over a multikey
 * index), so a 文号 or a title word finds the records that contain it and not every record
 * sharing one character with it.
 */
export function searchTermsOf(fields: readonly WeightedField[]): string[] {
  return [...new Set(fields.flatMap((field) => (field.text ? segment(field.text) : [])))];
}

export type QueryTerms = { terms: string[]; problem: null } | { terms: []; problem: string };

/** A person's query as terms, or the reason it cannot be searched (in words for them). */
export function queryTermsOf(text: string): QueryTerms {
  if (text.length > MAX_QUERY_LENGTH) {
    return { terms: [], problem: `检索词不能超过 ${MAX_QUERY_LENGTH} 个字` };
  }
  const terms = [...new Set(segment(text))];
  if (terms.length > MAX_QUERY_TERMS) {
    return { terms: [], problem: `检索词太多：最多 ${MAX_QUERY_TERMS} 个词，请精简后再检索` };
  }
  return { terms, problem: null };
}

/**
 * How well a record matches: for each query term, the weight of every field it occurs in, times
 * how often — a title or 文号 match above one in the body. Records tie-break by the caller's order.
 */
export function fieldScore(fields: readonly WeightedField[], terms: readonly string[]): number {
  const wanted = new Set(terms);
  let score = 0;
  for (const field of fields) {
    if (!field.text) continue;
    for (const word of segment(field.text)) if (wanted.has(word)) score += field.weight;
  }
  return score;
}

/** `records` best first by `fieldScore`, keeping their given order among equals. */
export function rankByFields<T>(
  records: readonly T[],
  fieldsOf: (record: T) => readonly WeightedField[],
  terms: readonly string[],
): { record: T; score: number }[] {
  return records
    .map((record, index) => ({ record, score: fieldScore(fieldsOf(record), terms), index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ record, score }) => ({ record, score }));
}

// Ranked results have no stable key to page by, so a cursor is the position after a hit.
export function encodeRankCursor(position: number): string {
  return Buffer.from(`rank:${position}`).toString('base64url');
}

/** The position a cursor stands for, or null for a cursor this package did not make. */
export function decodeRankCursor(cursor: string): number | null {
  const match = /^rank:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
}
