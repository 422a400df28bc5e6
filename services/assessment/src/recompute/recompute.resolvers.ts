import { requireAssessmentManager } from '../access/require-access.js';
import type { AssessmentContext, AssessmentResolvers } from '../context.js';
import {
  recomputeScores,
  type DivisionScoreChange,
  type ScoringRuleSetInput,
} from './recompute.commands.js';

export const recomputeResolvers: AssessmentResolvers = {
  Query: {
    previewScoringRules: (
      _: unknown,
      { input }: { input: ScoringRuleSetInput },
      ctx: AssessmentContext,
    ) => {
      requireAssessmentManager(ctx.viewer);
      return recomputeScores(ctx.models, input, { staffId: ctx.viewer.sub, apply: false });
    },
  },
  Mutation: {
    applyScoringRules: (
      _: unknown,
      { input }: { input: ScoringRuleSetInput },
      ctx: AssessmentContext,
    ) => {
      requireAssessmentManager(ctx.viewer);
      return recomputeScores(ctx.models, input, { staffId: ctx.viewer.sub, apply: true });
    },
  },
  DivisionScoreChange: {
    division: (change: DivisionScoreChange) => ({ id: change.divisionId }),
  },
};
