import { requireAssessmentManager } from '../access/require-access.js';
import type { AssessmentResolvers } from '../context.js';
import { recomputeScores } from './recompute.commands.js';

export const recomputeResolvers: AssessmentResolvers = {
  Query: {
    previewScoringRules: (_, { input }, ctx) => {
      requireAssessmentManager(ctx.viewer);
      return recomputeScores(ctx.models, input, { staffId: ctx.viewer.sub, apply: false });
    },
  },
  Mutation: {
    applyScoringRules: (_, { input }, ctx) => {
      requireAssessmentManager(ctx.viewer);
      return recomputeScores(ctx.models, input, { staffId: ctx.viewer.sub, apply: true });
    },
  },
  DivisionScoreChange: {
    division: (change) => ({ id: change.divisionId }),
  },
};
