import { requireAssessmentManager, requireScoreViewer } from '../access/require-access.js';
import type { AssessmentResolvers } from '../context.js';
import { loadDivisionScore } from '../ledger/division-score.js';
import { totalsKey } from '../loaders.js';
import {
  buildEvaluation,
  commendationEntries,
  monthlyTrend,
  penaltyEntries,
} from './evaluation-view.js';
import { publishEvaluations } from './evaluations.commands.js';

export const evaluationsResolvers: AssessmentResolvers = {
  Mutation: {
    publishEvaluations: (_, { period }, ctx) => {
      requireAssessmentManager(ctx.viewer);
      return publishEvaluations(ctx, period);
    },
  },

  Division: {
    evaluation: (division, { period }, ctx) => {
      requireScoreViewer(ctx.viewer, division.id);
      return buildEvaluation(ctx, division.id, period);
    },
  },

  Evaluation: {
    division: (view) => ({ id: view.divisionId }),
    rewardPoints: async (view, _, ctx) =>
      (await ctx.loaders.rewardsAndPenalties.load(totalsKey(view.period, view.divisionId)))
        .rewardPoints,
    penaltyPoints: async (view, _, ctx) =>
      (await ctx.loaders.rewardsAndPenalties.load(totalsKey(view.period, view.divisionId)))
        .penaltyPoints,
    commendations: (view, _, ctx) => commendationEntries(ctx, view),
    penalties: (view, _, ctx) => penaltyEntries(ctx, view),
    trend: (view, _, ctx) => monthlyTrend(ctx, view),
    score: (view, _, ctx) => loadDivisionScore(ctx, view.divisionId, view.period),
    published: (view, _, ctx) =>
      ctx.models.evaluations
        .findOne({ divisionId: view.divisionId, period: view.period })
        .sort({ version: -1 })
        .lean()
        .exec(),
  },
};
