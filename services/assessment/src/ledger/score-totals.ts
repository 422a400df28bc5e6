import { periodFilter, type Period } from '../periods/period.js';
import { SCORE_CATEGORIES, type ScoreCategory } from '../scoring-rules/scoring-rule.js';
import type { AssessmentModels } from '../models.js';
import { roundPoints } from './score-event.rules.js';

export interface CategoryPoints {
  category: ScoreCategory;
  points: number;
}

/** A division's standing in a period: the sum of its ledger entries, whole and per category. */
export interface DivisionTotals {
  divisionId: string;
  total: number;
  byCategory: CategoryPoints[];
}

/**
 * Totals for a period, for the given divisions or every division with entries. One aggregation
 * over the ledger — the ledger's own word, for recompute's before/after; requests read the
 * standings projection instead (`division-standings.ts`). Every category is listed, 0 when
 * nothing was scored in it.
 */
export async function periodTotals(
  models: AssessmentModels,
  period: Period,
  { divisionIds, category }: { divisionIds?: readonly string[]; category?: ScoreCategory } = {},
): Promise<Map<string, DivisionTotals>> {
  const groups = await models.scoreEntries.aggregate<{
    _id: { divisionId: string; category: ScoreCategory };
    points: number;
  }>([
    {
      $match: {
        ...periodFilter(period),
        ...(divisionIds ? { divisionId: { $in: [...divisionIds] } } : {}),
        ...(category ? { category } : {}),
      },
    },
    {
      $group: {
        _id: { divisionId: '$divisionId', category: '$category' },
        points: { $sum: '$points' },
      },
    },
  ]);
  const totals = new Map<string, DivisionTotals>();
  const totalsOf = (divisionId: string) => {
    let found = totals.get(divisionId);
    if (!found) {
      found = {
        divisionId,
        total: 0,
        byCategory: SCORE_CATEGORIES.map((c) => ({ category: c, points: 0 })),
      };
      totals.set(divisionId, found);
    }
    return found;
  };
  for (const divisionId of divisionIds ?? []) totalsOf(divisionId);
  for (const { _id, points } of groups) {
    const division = totalsOf(_id.divisionId);
    const slot = division.byCategory.find((c) => c.category === _id.category);
    if (slot) slot.points = roundPoints(slot.points + points);
    division.total = roundPoints(division.total + points);
  }
  return totals;
}

/** Rewards and penalties: each score (event, rule, division) netted first, then split by sign. */
export async function rewardsAndPenalties(
  models: AssessmentModels,
  divisionId: string,
  period: Period,
): Promise<{ rewardPoints: number; penaltyPoints: number }> {
  const scores = await models.scoreEntries.aggregate<{ _id: string; points: number }>([
    { $match: { divisionId, ...periodFilter(period) } },
    { $group: { _id: '$scoreKey', points: { $sum: '$points' } } },
  ]);
  let rewardPoints = 0;
  let penaltyPoints = 0;
  for (const { points } of scores) {
    if (points > 0) rewardPoints += points;
    else penaltyPoints += points;
  }
  return { rewardPoints: roundPoints(rewardPoints), penaltyPoints: roundPoints(penaltyPoints) };
}
