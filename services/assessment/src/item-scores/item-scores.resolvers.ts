import { canSeeScoresOf } from '../access/assessment-access.rules.js';
import type { AssessmentResolvers } from '../context.js';

export const itemScoresResolvers: AssessmentResolvers = {
  AchievementUse: {
    // Only an id crosses from achievement, which checked that the caller may see the use. What is
    // filtered here is assessment's own rule: a division's scores are for that division and
    // whoever sees the leaderboard.
    scoreEntries: async (use, _, ctx) =>
      (await ctx.loaders.scoreEntriesOfItem.load({ kind: 'ACHIEVEMENT_USE', id: use.id })).filter(
        (entry) => canSeeScoresOf(ctx.viewer, entry.divisionId),
      ),
  },
};
