import { paginate, wantsCount } from '@heli/subgraph-runtime';
import { achievementVisibilityFilter } from '../access/visibility.rules.js';
import type { AchievementResolvers } from '../context.js';
import { writeAchievement } from '../records/achievement-write.js';
import type { Clock } from '../records/clock.js';
import { publishDraft, registerAchievement, reviseAchievement } from './achievements.commands.js';

const ref = (id: string) => ({ id });

export function achievementsResolvers(clock: Clock): AchievementResolvers {
  return {
    Query: {
      achievement: (_, { id }, ctx) => ctx.loaders.achievement.load(id),
      achievements: (_, { divisionId, kind, status, first, after }, ctx, info) =>
        paginate(
          ctx.models.achievements,
          {
            $and: [
              achievementVisibilityFilter(ctx.viewer),
              {
                ...(divisionId && { divisionIds: divisionId }),
                ...(kind && { kind }),
                ...(status && { status }),
              },
            ],
          },
          { first, after, sort: { field: 'createdAt', direction: 'DESC' } },
          info,
        ),
    },
    Mutation: {
      registerAchievement: (_, { input }, ctx) =>
        writeAchievement(ctx, (write) =>
          registerAchievement(write, ctx.viewer, input, clock.now()),
        ),
      reviseAchievement: (_, { input }, ctx) =>
        writeAchievement(ctx, (write) => reviseAchievement(write, ctx.viewer, input, clock.now())),
      publishAchievementDraft: (_, { input }, ctx) =>
        writeAchievement(ctx, (write) => publishDraft(write, ctx.viewer, input, clock.now())),
    },
    Achievement: {
      __resolveReference: (reference, ctx) => ctx.loaders.achievement.load(reference.id),
      id: (a) => a._id,
      document: (a) => (a.documentId ? ref(a.documentId) : null),
      restrictedTo: (a) => a.restrictedTo.map(ref),
      leadDivision: (a) => ref(a.leadDivisionId),
      coDivisions: (a) => a.coDivisionIds.map(ref),
      authors: (a) => a.authorStaffIds.map(ref),
      createdBy: (a) => ref(a.createdByStaffId),
      versions: (a, _, ctx) => ctx.loaders.versions.load(a._id),
    },
    AchievementVersion: {
      by: (v) => ref(v.byStaffId),
    },
    AchievementOrigin: {
      matter: (origin) => (origin.kind === 'MATTER' ? ref(origin.id) : null),
    },
    Division: {
      achievements: (division, { first, after }, ctx, info) =>
        ctx.loaders.divisionAchievementPages.load({
          key: division.id,
          first,
          after,
          countTotal: wantsCount(info),
        }),
    },
    Assignment: {
      outputs: async (matter, _, ctx) =>
        (await ctx.loaders.achievementsFromOrigin.load(matter.id)).filter(
          (a) => a.origin?.kind === 'MATTER',
        ),
    },
  };
}
