import { listAssignments, type AssignmentListArgs } from '../assignments/assignments.resolvers.js';
import { chinaWeekContaining } from '../clock/china-time.js';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import type { DivisionRecord } from '../divisions/divisions.model.js';
import type { ServiceOptions } from '../service-options.js';
import { NO_MATTERS, sumFigures, withRate, type FigureCounts } from './board-figures.rules.js';

interface BoardRow {
  division: DivisionRecord;
  counts: FigureCounts;
}

export function leadershipBoardResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  return {
    Query: {
      leadershipBoard: async (
        _: unknown,
        { divisionIds }: { divisionIds?: string[] | null },
        ctx: ResponsibilityContext,
      ) => {
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
      figures: (row: BoardRow) => withRate(row.counts),
      assignments: (row: BoardRow, args: AssignmentListArgs, ctx: ResponsibilityContext) =>
        listAssignments(ctx, clock.now(), args, { leadDivisionId: row.division._id }),
    },

    Division: {
      assignmentFigures: async (division: DivisionRecord, _: unknown, ctx: ResponsibilityContext) =>
        withRate(await ctx.loaders.assignmentFigures.load(division._id)),
    },
  };
}
