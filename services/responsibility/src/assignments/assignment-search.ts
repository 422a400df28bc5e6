import { badInput } from '@heli/subgraph-runtime';
import {
  MAX_RANKED,
  pageOfRanked,
  rankByFields,
  rankedPage,
  readSearchRequest,
  searchTermsOf,
  snippetAround,
  type RankedPage,
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

export type AssignmentSearchPage = RankedPage<AssignmentSearchHit>;

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
  const { request, problems } = readSearchRequest(args);
  if (!request) {
    throw badInput(problems.map((problem) => problem.message).join('；'), {
      fields: problems.map((problem) => problem.field),
    });
  }
  const { terms } = request;
  if (terms.length === 0) return rankedPage(request, [], { totalCount: 0 });

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
  return rankedPage(request, pageOfRanked(ranked, request), {
    totalCount,
    rankedCount: ranked.length,
  });
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
