import type { HeliClaims } from '@heli/auth';
import { badInput } from '@heli/subgraph-runtime';
import {
  MAX_RANKED,
  pageOfRanked,
  rankByFields,
  rankedPage,
  readSearchRequest,
  searchTermsOf,
  type RankedPage,
  type WeightedField,
} from '@heli/text-search';
import { documentVisibilityFilter } from '../access/visibility.rules.js';
import type { SharingModels } from '../models.js';
import type { DocumentKind, DocumentRecord } from './documents.model.js';

/** What a document is found by: a match in the title or the 文号 counts above one in the issuer. */
function searchedFields(
  document: Pick<DocumentRecord, 'title' | 'documentNumber' | 'issuer'>,
): WeightedField[] {
  return [
    { text: document.title, weight: 3 },
    { text: document.documentNumber, weight: 3 },
    { text: document.issuer, weight: 1 },
  ];
}

export function documentSearchTerms(
  document: Pick<DocumentRecord, 'title' | 'documentNumber' | 'issuer'>,
): string[] {
  return searchTermsOf(searchedFields(document));
}

export interface DocumentSearchHit {
  document: DocumentRecord;
  score: number;
}

export type DocumentSearchPage = RankedPage<DocumentSearchHit>;

/**
 * Documents whose title, 文号 or issuer hold every word of the query, best first (newest first
 * among equals). The reader's visibility rule is part of the one query that matches, so a
 * document above their clearance or outside their need-to-know is never matched, counted or
 * ranked — the answer is the same as if it did not exist.
 */
export async function searchDocuments(
  models: SharingModels,
  reader: Pick<HeliClaims, 'sub' | 'divisionId' | 'officeId' | 'roles' | 'clearance'>,
  args: { query: string; kind?: DocumentKind | null; first?: number | null; after?: string | null },
): Promise<DocumentSearchPage> {
  const { request, problems } = readSearchRequest(args);
  if (!request) {
    throw badInput(problems.map((problem) => problem.message).join('；'), {
      fields: problems.map((problem) => problem.field),
    });
  }
  const { terms } = request;
  if (terms.length === 0) return rankedPage(request, [], { totalCount: 0 });

  const conditions: Record<string, unknown>[] = [
    documentVisibilityFilter(reader),
    { searchTerms: { $all: terms } },
  ];
  if (args.kind) conditions.push({ kind: args.kind });
  const query = { $and: conditions };
  const [matches, totalCount] = await Promise.all([
    models.documents
      .find(query)
      .sort({ registeredAt: -1, _id: 1 })
      .limit(MAX_RANKED)
      .lean<DocumentRecord[]>(),
    models.documents.countDocuments(query),
  ]);
  const ranked = rankByFields(matches, searchedFields, terms).map(({ record, score }) => ({
    document: record,
    score,
  }));
  return rankedPage(request, pageOfRanked(ranked, request), {
    totalCount,
    rankedCount: ranked.length,
  });
}

/**
 * Gives documents registered before search existed their terms, a few hundred at a time; run once
 * at start-up. Idempotent: a document that has its terms is not touched.
 */
export async function indexUnsearchableDocuments(models: SharingModels): Promise<number> {
  let indexed = 0;
  for (;;) {
    const batch = await models.documents
      .find({ searchTerms: { $exists: false } }, { title: 1, documentNumber: 1, issuer: 1 })
      .limit(500)
      .lean<Pick<DocumentRecord, '_id' | 'title' | 'documentNumber' | 'issuer'>[]>();
    if (batch.length === 0) return indexed;
    await models.documents.bulkWrite(
      batch.map((document) => ({
        updateOne: {
          filter: { _id: document._id, searchTerms: { $exists: false } },
          update: { $set: { searchTerms: documentSearchTerms(document) } },
        },
      })),
    );
    indexed += batch.length;
  }
}
