import { canSeeAllScoreDetails } from '../access/assessment-access.rules.js';
import type { AssessmentResolvers } from '../context.js';
import type { ScoreCategory } from '../scoring-rules/scoring-rule.js';

/** The parent of every `Statistics` field: the year the figures are for (checked by its owner). */
export interface StatisticsRef {
  year: number;
}

/** One group of the year's ledger, as the aggregation returns it. */
export interface RuleScoreGroup {
  divisionId: string;
  ruleId: string;
  category: ScoreCategory;
  entries: number;
  points: number;
  year: number;
}

export const statisticsResolvers: AssessmentResolvers = {
  Statistics: {
    __resolveReference: ({ year }) => ({ year }),
    scoresByRule: async ({ year }, _, ctx) => {
      const match: Record<string, unknown> = { year };
      if (!canSeeAllScoreDetails(ctx.viewer)) {
        if (ctx.viewer.divisionId === null) return [];
        match['divisionId'] = ctx.viewer.divisionId;
      }
      const groups = await ctx.models.scoreEntries.aggregate<{
        _id: { divisionId: string; ruleId: string; category: ScoreCategory };
        entries: number;
        points: number;
      }>([
        { $match: match },
        {
          $group: {
            _id: { divisionId: '$divisionId', ruleId: '$rule.id', category: '$category' },
            entries: { $sum: 1 },
            points: { $sum: '$points' },
          },
        },
      ]);
      return groups
        .map(({ _id, entries, points }) => ({
          ..._id,
          entries,
          // Sums of decimals (0.5, 0.1) carry float noise; the ledger's points have 2 places.
          points: Math.round(points * 100) / 100,
          year,
        }))
        .sort(
          (a, b) => a.divisionId.localeCompare(b.divisionId) || a.ruleId.localeCompare(b.ruleId),
        );
    },
  },
  RuleScore: {
    division: (score) => ({ id: score.divisionId }),
    description: async (score, _, ctx) =>
      (await ctx.loaders.activeRuleSet.load(score.year)).rules.find(
        (rule) => rule.id === score.ruleId,
      )?.description ?? null,
  },
};
