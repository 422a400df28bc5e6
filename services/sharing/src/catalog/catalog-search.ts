import type { HeliClaims } from '@heli/auth';
import { badInput } from '@heli/subgraph-runtime';
import { catalogVisibilityFilter } from '../access/visibility.rules.js';
import type { SharingModels } from '../models.js';
import { bytesOf } from './catalog-index.js';
import {
  catalogFilterConditions,
  catalogFilterProblem,
  type CatalogFilter,
} from './catalog-filter.rules.js';
import type {
  CatalogEntryRecord,
  CatalogPostingsRecord,
  CatalogStatisticsRecord,
} from './catalog.model.js';
import { rankByRelevance } from './relevance.rules.js';
import { rankedPage, readSearchRequest, snippetAround, type RankedPage } from '@heli/text-search';

/** How deep a reader may page into ranked results; past this, a narrower query serves better. */
export const MAX_SEARCH_DEPTH = 10_000;

export interface CatalogSearchHit {
  entry: CatalogEntryRecord;
  score: number;
  snippet: string;
}

export type CatalogSearchPage = RankedPage<CatalogSearchHit>;

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
  filter?: CatalogFilter | null,
): Promise<CatalogSearchPage> {
  const filterProblem = catalogFilterProblem(filter);
  if (filterProblem) throw badInput(filterProblem, { fields: ['filter'] });
  const { request, problems } = readSearchRequest(
    { query: text, ...page },
    { maxDepth: MAX_SEARCH_DEPTH },
  );
  if (!request) {
    throw badInput(problems.map((problem) => problem.message).join('；'), {
      fields: problems.map((problem) => problem.field),
    });
  }
  const { terms, offset, size } = request;
  if (terms.length === 0) return rankedPage(request, [], { totalCount: 0 });

  const visibility = catalogVisibilityFilter(reader);
  const narrowing = catalogFilterConditions(filter);
  // A chunk holds one classification, so that filter also spares reading the other chunks.
  const postingsQuery = [{ term: { $in: terms } }, visibility];
  if (filter?.classification) postingsQuery.push({ classification: filter.classification });
  const [chunks, statistics, admitted] = await Promise.all([
    models.catalogPostings
      .find({ $and: postingsQuery }, { term: 1, postings: 1 })
      .lean<Pick<CatalogPostingsRecord, 'term' | 'postings'>[]>(),
    models.catalogStatistics.find(visibility).lean<CatalogStatisticsRecord[]>(),
    narrowing.length === 0
      ? null
      : models.catalogEntries
          .distinct('docNo', { $and: [visibility, ...narrowing] })
          .then((docNos) => new Set(docNos as number[])),
  ]);
  const entries = statistics.reduce((sum, bucket) => sum + bucket.entries, 0);
  const termCount = statistics.reduce((sum, bucket) => sum + bucket.termCount, 0);
  const ranking = rankByRelevance(
    chunks.map((chunk) => ({ term: chunk.term, chunks: [bytesOf(chunk.postings)] })),
    { entries, averageTermCount: entries === 0 ? 0 : termCount / entries },
    offset + size,
    admitted ? (docNo) => admitted.has(docNo) : undefined,
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
  return rankedPage(request, hits, { totalCount: ranking.totalCount });
}
