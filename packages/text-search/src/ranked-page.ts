import { decodeRankCursor, encodeRankCursor, queryTermsOf } from './field-search.js';

/** Page sizes of a search, as every list of the graph has them. */
export const DEFAULT_SEARCH_PAGE_SIZE = 20;
export const MAX_SEARCH_PAGE_SIZE = 100;

export interface RankedPageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page of ranked hits, shaped as the SDL's `…SearchResult { terms hits totalCount pageInfo }`. */
export interface RankedPage<THit> {
  terms: string[];
  hits: THit[];
  totalCount: number;
  pageInfo: RankedPageInfo;
}

/** A search as asked: its terms and which slice of the ranking the page is. */
export interface SearchRequest {
  terms: string[];
  /** How many ranked hits come before the page. */
  offset: number;
  size: number;
}

/** What is wrong with a search, in Chinese, and the argument it is about. */
export interface SearchProblem {
  message: string;
  field: 'query' | 'first' | 'after';
}

/**
 * Reads a person's search and page arguments: the query's terms (`queryTermsOf`), a page size of
 * 1..100 (20 when omitted), and the position an `after` cursor of this package stands for — at
 * most `maxDepth` deep. Every problem is returned, for the caller to refuse with its own error.
 */
export function readSearchRequest(
  args: { query: string; first?: number | null; after?: string | null },
  { maxDepth = Number.MAX_SAFE_INTEGER }: { maxDepth?: number } = {},
): { request: SearchRequest; problems: [] } | { request: null; problems: SearchProblem[] } {
  const problems: SearchProblem[] = [];
  const { terms, problem } = queryTermsOf(args.query);
  if (problem) problems.push({ message: problem, field: 'query' });
  const size = args.first ?? DEFAULT_SEARCH_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SEARCH_PAGE_SIZE) {
    problems.push({ message: `first 须在 1 到 ${MAX_SEARCH_PAGE_SIZE} 之间`, field: 'first' });
  }
  const offset = args.after ? decodeRankCursor(args.after) : 0;
  if (offset === null) problems.push({ message: '分页游标无效', field: 'after' });
  else if (offset > maxDepth) {
    problems.push({
      message: `搜索结果只能翻到前 ${maxDepth} 条，请缩小检索范围`,
      field: 'after',
    });
  }
  return problems.length > 0 || offset === null
    ? { request: null, problems }
    : { request: { terms, offset, size }, problems: [] };
}

/**
 * The page `request` asks for. `hits` are the page's own hits (`pageOfRanked` cuts them from a
 * ranking); `rankedCount` is how far the ranking goes — fewer than `totalCount` when only the
 * best matches were ranked — so there is no next page past it.
 */
export function rankedPage<THit>(
  { terms, offset, size }: SearchRequest,
  hits: THit[],
  { totalCount, rankedCount = totalCount }: { totalCount: number; rankedCount?: number },
): RankedPage<THit> {
  return {
    terms,
    hits,
    totalCount,
    pageInfo: {
      hasNextPage: offset + size < Math.min(totalCount, rankedCount),
      hasPreviousPage: offset > 0,
      startCursor: hits.length > 0 ? encodeRankCursor(offset + 1) : null,
      endCursor: hits.length > 0 ? encodeRankCursor(offset + hits.length) : null,
    },
  };
}

/** The slice of a full ranking that `request`'s page holds. */
export function pageOfRanked<T>(ranked: readonly T[], { offset, size }: SearchRequest): T[] {
  return ranked.slice(offset, offset + size);
}
