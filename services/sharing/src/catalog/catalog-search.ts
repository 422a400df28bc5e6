import type { HeliClaims } from '@heli/auth';
import { badInput, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '@heli/subgraph-runtime';
import { catalogVisibilityFilter } from '../access/visibility.rules.js';
import type { SharingModels } from '../models.js';
import { bytesOf } from './catalog-index.js';
import type {
  CatalogEntryRecord,
  CatalogPostingsRecord,
  CatalogStatisticsRecord,
} from './catalog.model.js';
import { rankByRelevance } from './relevance.rules.js';
import { segment, snippetAround } from '@heli/text-search';

/** How deep a reader may page into ranked results; past this, a narrower query serves better. */
export const MAX_SEARCH_DEPTH = 10_000;

/**
 * The longest search text, in characters, and the most distinct terms it may segment into. A
 * person searches with a few words; a megabyte of text took seconds to segment and rank and
 * held up everyone else's requests meanwhile.
 */
export const MAX_SEARCH_TEXT_LENGTH = 200;
export const MAX_SEARCH_TERMS = 32;

export interface CatalogSearchHit {
  entry: CatalogEntryRecord;
  score: number;
  snippet: string;
}

export interface CatalogSearchPage {
  hits: CatalogSearchHit[];
  totalCount: number;
  terms: string[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * Full-text search of the catalogue over its inverted index. The reader's visibility filter is
 * part of the postings query itself, so entries above their clearance or outside their
 * need-to-know are never read: they cannot appear in hits, in `totalCount`, in snippets, or in
 * the term statistics the ranking uses. Ranking (BM25) and paging happen after, over what the
 * reader may see.
 */
export async function searchCatalog(
  models: SharingModels,
  reader: Pick<HeliClaims, 'sub' | 'divisionId' | 'officeId' | 'roles' | 'clearance'>,
  text: string,
  page: { first?: number | null; after?: string | null } = {},
): Promise<CatalogSearchPage> {
  const size = pageSize(page.first);
  const offset = page.after ? decodeOffset(page.after) : 0;
  if (offset > MAX_SEARCH_DEPTH) {
    throw badInput(`搜索结果只能翻到前 ${MAX_SEARCH_DEPTH} 条，请缩小检索范围`, {
      fields: ['after'],
    });
  }
  if (text.length > MAX_SEARCH_TEXT_LENGTH) {
    throw badInput(`检索词不能超过 ${MAX_SEARCH_TEXT_LENGTH} 个字`, { fields: ['query'] });
  }
  const terms = [...new Set(segment(text))];
  if (terms.length > MAX_SEARCH_TERMS) {
    throw badInput(`检索词太多：最多 ${MAX_SEARCH_TERMS} 个词，请精简后再检索`, {
      fields: ['query'],
    });
  }
  if (terms.length === 0) return emptyPage(terms);

  const visibility = catalogVisibilityFilter(reader);
  const [chunks, statistics] = await Promise.all([
    models.catalogPostings
      .find({ $and: [{ term: { $in: terms } }, visibility] }, { term: 1, postings: 1 })
      .lean<Pick<CatalogPostingsRecord, 'term' | 'postings'>[]>(),
    models.catalogStatistics.find(visibility).lean<CatalogStatisticsRecord[]>(),
  ]);
  const entries = statistics.reduce((sum, bucket) => sum + bucket.entries, 0);
  const termCount = statistics.reduce((sum, bucket) => sum + bucket.termCount, 0);
  const ranking = rankByRelevance(
    chunks.map((chunk) => ({ term: chunk.term, chunks: [bytesOf(chunk.postings)] })),
    { entries, averageTermCount: entries === 0 ? 0 : termCount / entries },
    offset + size,
  );

  const slice = ranking.top.slice(offset, offset + size);
  // The visibility filter again: the entries of a page are read under the same rule as their postings.
  const full = await models.catalogEntries
    .find({ $and: [{ docNo: { $in: slice.map((hit) => hit.docNo) } }, visibility] })
    .lean<CatalogEntryRecord[]>();
  const byDocNo = new Map(full.map((entry) => [entry.docNo, entry]));
  const hits = slice.flatMap(({ docNo, score }) => {
    const entry = byDocNo.get(docNo);
    if (!entry) return [];
    return [{ entry, score, snippet: snippetAround(`${entry.summary}`, terms) }];
  });
  return {
    hits,
    totalCount: ranking.totalCount,
    terms,
    pageInfo: {
      hasNextPage: offset + size < ranking.totalCount,
      hasPreviousPage: offset > 0,
      startCursor: hits.length > 0 ? encodeOffset(offset + 1) : null,
      endCursor: hits.length > 0 ? encodeOffset(offset + hits.length) : null,
    },
  };
}

function emptyPage(terms: string[]): CatalogSearchPage {
  return {
    hits: [],
    totalCount: 0,
    terms,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  };
}

function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${first}`, {
      fields: ['first'],
    });
  }
  return first;
}

// Ranked results have no stable key to page by, so the cursor is the position after a hit.
function encodeOffset(position: number): string {
  return Buffer.from(`rank:${position}`).toString('base64url');
}

function decodeOffset(cursor: string): number {
  const match = /^rank:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput('Invalid cursor', { fields: ['after'] });
  return Number(match[1]);
}
