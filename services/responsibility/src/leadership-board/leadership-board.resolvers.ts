import { listUnderParent } from '../assignments/assignments.resolvers.js';
import { chinaWeekContaining } from '../clock/china-time.js';
import type { ResponsibilityResolvers } from '../context.js';
import type { DivisionRecord } from '../divisions/divisions.model.js';
import type { ServiceOptions } from '../service-options.js';
import { NO_MATTERS, sumFigures, withRate, type BoardRow } from './board-figures.rules.js';

export function leadershipBoardResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  return {
    Query: {
      leadershipBoard: async (_, { divisionIds }, ctx) => {
        const now = clock.now();
        const week = chinaWeekContaining(now);
        const divisions = await ctx.models.divisions
          .find(divisionIds?.length ? { _id: { $in: divisionIds } } : {})
          .sort({ sequence: 1, _id: 1 })
          .lean<DivisionRecord[]>();
        const counts = await ctx.loaders.assignmentFigures.loadMany(divisions.map((d) => d._id));
        const rows: BoardRow[] = divisions.map((division, index) => {
          const loaded = counts[index];
          if (loaded instanceof Error) throw loaded;
          return { division, counts: loaded ?? NO_MATTERS };
        });
        return {
          asOf: now,
          weekStart: week.start,
          weekEnd: week.end,
          rows,
          totals: withRate(sumFigures(rows.map((row) => row.counts))),
        };
      },
    },

    LeadershipBoardRow: {
      figures: (row) => withRate(row.counts),
      assignments: (row, args, ctx, info) =>
        listUnderParent(ctx, ctx.loaders.leadAssignmentPages, row.division._id, args, info),
    },

    Division: {
      assignmentFigures: async (division, _, ctx) =>
        withRate(await ctx.loaders.assignmentFigures.load(division._id)),
    },
  };
}
