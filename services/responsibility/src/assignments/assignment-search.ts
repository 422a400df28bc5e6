import { badInput, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, rejectProblems } from '@heli/subgraph-runtime';
import {
  decodeRankCursor,
  encodeRankCursor,
  MAX_RANKED,
  queryTermsOf,
  rankByFields,
  searchTermsOf,
  snippetAround,
  type WeightedField,
} from '@heli/text-search';
import type { FilterQuery } from 'mongoose';
import type { ResponsibilityModels } from '../models.js';
import { visibleTo, type AssignmentViewer } from './assignment-visibility.rules.js';
import type { AssignmentRecord } from './assignment.model.js';

/** What a matter is found by: a word of its title counts three times one of its requirements. */
function searchedFields(matter: Pick<AssignmentRecord, 'title' | 'requirements'>): WeightedField[] {
  return [
    { text: matter.title, weight: 3 },
    { text: matter.requirements, weight: 1 },
  ];
}

export function matterSearchTerms(
  matter: Pick<AssignmentRecord, 'title' | 'requirements'>,
): string[] {
  return searchTermsOf(searchedFields(matter));
}

export interface AssignmentSearchHit {
  matter: AssignmentRecord;
  score: number;
  snippet: string;
}

export interface AssignmentSearchPage {
  terms: string[];
  hits: AssignmentSearchHit[];
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * Matters whose title or requirements hold every word of the query, best first (newest first
 * among equals), within `narrowing` (the list filters). The visibility rule is joined into the
 * one query that matches, so a matter the viewer may not see is never matched, counted or ranked.
 */
export async function searchAssignments(
  models: ResponsibilityModels,
  viewer: AssignmentViewer,
  args: { query: string; first?: number | null; after?: string | null },
  narrowing: FilterQuery<AssignmentRecord>,
): Promise<AssignmentSearchPage> {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  const offset = args.after ? decodeRankCursor(args.after) : 0;
  const { terms, problem } = queryTermsOf(args.query);
  rejectProblems([
    problem,
    Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE
      ? null
      : `first 须在 1 到 ${MAX_PAGE_SIZE} 之间`,
  ]);
  if (offset === null) throw badInput('分页游标无效', { fields: ['after'] });
  if (terms.length === 0) return page(terms, [], 0, offset, size);

  const query = visibleTo(viewer, { $and: [narrowing, { searchTerms: { $all: terms } }] });
  const [matches, totalCount] = await Promise.all([
    models.assignments
      .find(query)
      .sort({ createdAt: -1, _id: 1 })
      .limit(MAX_RANKED)
      .lean<AssignmentRecord[]>(),
    models.assignments.countDocuments(query),
  ]);
  const ranked = rankByFields(matches, searchedFields, terms).map(({ record, score }) => ({
    matter: record,
    score,
    snippet: snippetAround(record.requirements || record.title, terms),
  }));
  return page(terms, ranked, totalCount, offset, size);
}

function page(
  terms: string[],
  ranked: AssignmentSearchHit[],
  totalCount: number,
  offset: number,
  size: number,
): AssignmentSearchPage {
  const hits = ranked.slice(offset, offset + size);
  return {
    terms,
    hits,
    totalCount,
    pageInfo: {
      hasNextPage: offset + hits.length < Math.min(totalCount, ranked.length),
      hasPreviousPage: offset > 0,
      startCursor: hits.length > 0 ? encodeRankCursor(offset + 1) : null,
      endCursor: hits.length > 0 ? encodeRankCursor(offset + hits.length) : null,
    },
  };
}

/**
 * Gives matters created before search existed their terms, a few hundred at a time; run once at
 * start-up. Idempotent: a matter that has its terms is not touched.
 */
export async function indexUnsearchableMatters(models: ResponsibilityModels): Promise<number> {
  let indexed = 0;
  for (;;) {
    const batch = await models.assignments
      .find({ searchTerms: { $exists: false } }, { title: 1, requirements: 1 })
      .limit(500)
      .lean<Pick<AssignmentRecord, '_id' | 'title' | 'requirements'>[]>();
    if (batch.length === 0) return indexed;
    await models.assignments.bulkWrite(
      batch.map((matter) => ({
        updateOne: {
          filter: { _id: matter._id, searchTerms: { $exists: false } },
          update: { $set: { searchTerms: matterSearchTerms(matter) } },
        },
      })),
    );
    indexed += batch.length;
  }
}
