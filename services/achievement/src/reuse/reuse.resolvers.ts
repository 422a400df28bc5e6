import type { AchievementResolvers } from '../context.js';
import { writeAchievement } from '../records/achievement-write.js';
import type { Clock } from '../records/clock.js';
import type { UseSide } from './reuse-summaries.js';
import { claimUse, decideUse } from './reuse.commands.js';
import { USE_KINDS, type UseRecord } from './use.model.js';
import type { AchievementContext } from '../context.js';

const ref = (id: string) => ({ id });

/** The most claims a division is shown to decide at once. */
const MOST_AWAITING = 200;

/** Uses whose achievement the viewer may see, in the given order. */
async function visibleUses(ctx: AchievementContext, uses: UseRecord[]): Promise<UseRecord[]> {
  const achievements = await ctx.loaders.achievement.loadMany(uses.map((u) => u.achievementId));
  return uses.filter((_, i) => {
    const a = achievements[i];
    return a !== null && a !== undefined && !(a instanceof Error);
  });
}

async function summary(ctx: AchievementContext, period: string, side: UseSide, divisionId: string) {
  const uses = await ctx.loaders.confirmedUses(side, period).load(divisionId);
  const counted = await visibleUses(ctx, uses);
  return {
    period,
    total: counted.length,
    byKind: USE_KINDS.map((kind) => ({
      kind,
      count: counted.filter((u) => u.kind === kind).length,
    })),
  };
}

export function reuseResolvers(clock: Clock): AchievementResolvers {
  return {
    Query: {
      achievementUse: async (_, { id }, ctx) => {
        const use = await ctx.loaders.use.load(id);
        return use && (await visibleUses(ctx, [use])).length === 1 ? use : null;
      },
    },
    Mutation: {
      claimAchievementUse: (_, { input }, ctx) =>
        writeAchievement(ctx, (write) => claimUse(write, ctx.viewer, input, clock.now())),
      confirmAchievementUse: (_, { id }, ctx) =>
        writeAchievement(ctx, (write) =>
          decideUse(write, ctx.viewer, { id, confirm: true }, clock.now()),
        ),
      disputeAchievementUse: (_, { id, reason }, ctx) =>
        writeAchievement(ctx, (write) =>
          decideUse(write, ctx.viewer, { id, confirm: false, reason }, clock.now()),
        ),
    },
    AchievementUse: {
      __resolveReference: async (reference, ctx) => {
        const use = await ctx.loaders.use.load(reference.id);
        return use && (await visibleUses(ctx, [use])).length === 1 ? use : null;
      },
      id: (use) => use._id,
      achievement: async (use, _, ctx) => (await ctx.loaders.achievement.load(use.achievementId))!,
      providerDivision: (use) => ref(use.providerDivisionId),
      userDivision: (use) => ref(use.userDivisionId),
      claimedBy: (use) => ref(use.claimedByStaffId),
      decidedBy: (use) => (use.decidedByStaffId ? ref(use.decidedByStaffId) : null),
    },
    Achievement: {
      uses: async (a, { status }, ctx) => {
        const uses = await ctx.loaders.usesOfAchievement.load(a._id);
        return status ? uses.filter((u) => u.status === status) : uses;
      },
    },
    Division: {
      reuseGiven: (division, { period }, ctx) =>
        summary(ctx, period, 'providerDivisionId', division.id),
      reuseReceived: (division, { period }, ctx) =>
        summary(ctx, period, 'userDivisionId', division.id),
      usesAwaitingDecision: async (division, _, ctx) =>
        visibleUses(
          ctx,
          (await ctx.loaders.usesAwaitingDecision.load(division.id)).slice(0, MOST_AWAITING),
        ),
    },
  };
}
