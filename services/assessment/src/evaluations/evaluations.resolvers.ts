import { requireAssessmentManager, requireScoreViewer } from '../access/require-access.js';
import type { AssessmentContext, AssessmentResolvers } from '../context.js';
import { loadDivisionScore } from '../ledger/division-score.js';
import { totalsKey } from '../loaders.js';
import {
  buildEvaluation,
  commendationEntries,
  monthlyTrend,
  penaltyEntries,
  type EvaluationView,
} from './evaluation-view.js';
import { publishEvaluations } from './evaluations.commands.js';

export const evaluationsResolvers: AssessmentResolvers = {
  Mutation: {
    publishEvaluations: (_: unknown, { period }: { period: string }, ctx: AssessmentContext) => {
      requireAssessmentManager(ctx.viewer);
      return publishEvaluations(ctx, period);
    },
  },

  Division: {
    evaluation: (
      division: { id: string },
      { period }: { period: string },
      ctx: AssessmentContext,
    ) => {
      requireScoreViewer(ctx.viewer, division.id);
      return buildEvaluation(ctx, division.id, period);
    },
  },

  Evaluation: {
    division: (view: EvaluationView) => ({ id: view.divisionId }),
    rewardPoints: async (view: EvaluationView, _: unknown, ctx: AssessmentContext) =>
      (await ctx.loaders.rewardsAndPenalties.load(totalsKey(view.period, view.divisionId)))
        .rewardPoints,
    penaltyPoints: async (view: EvaluationView, _: unknown, ctx: AssessmentContext) =>
      (await ctx.loaders.rewardsAndPenalties.load(totalsKey(view.period, view.divisionId)))
        .penaltyPoints,
    commendations: (view: EvaluationView, _: unknown, ctx: AssessmentContext) =>
      commendationEntries(ctx, view),
    penalties: (view: EvaluationView, _: unknown, ctx: AssessmentContext) =>
      penaltyEntries(ctx, view),
    trend: (view: EvaluationView, _: unknown, ctx: AssessmentContext) => monthlyTrend(ctx, view),
    score: (view: EvaluationView, _: unknown, ctx: AssessmentContext) =>
      loadDivisionScore(ctx, view.divisionId, view.period),
    published: (view: EvaluationView, _: unknown, ctx: AssessmentContext) =>
      ctx.models.evaluations
        .findOne({ divisionId: view.divisionId, period: view.period })
        .sort({ version: -1 })
        .lean()
        .exec(),
  },
};
