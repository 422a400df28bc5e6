import { wantsCount } from '@heli/subgraph-runtime';
import { loadVisibleMatter, requireCanTakeAction } from '../assignments/assignment-access.js';
import { writeMatters } from '../assignments/matter-write.js';
import type { ResponsibilityResolvers } from '../context.js';
import type { ServiceOptions } from '../service-options.js';
import { reportProgress } from './progress-reports.commands.js';

export function progressReportsResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  return {
    Mutation: {
      reportProgress: async (_, { input }, ctx) => {
        const matter = await loadVisibleMatter(ctx, input.assignmentId);
        requireCanTakeAction(ctx, matter, 'REPORT_PROGRESS');
        const { matter: after } = await writeMatters(ctx, (write) =>
          reportProgress(write, input, { staffId: ctx.viewer.sub, at: clock.now() }),
        );
        ctx.loaders.assignment.clear(after._id).prime(after._id, after);
        return after;
      },
    },

    Assignment: {
      latestProgressReport: (matter, _, ctx) =>
        matter.latestProgressReportId === null
          ? null
          : ctx.loaders.progressReport.load(matter.latestProgressReportId),
      progressReports: (matter, args, ctx, info) =>
        ctx.loaders.progressReportPages({}, { field: 'reportedAt', direction: 'DESC' }).load({
          key: matter._id,
          first: args.first,
          after: args.after,
          countTotal: wantsCount(info),
        }),
    },

    ProgressReport: {
      id: (report) => report._id,
      // Through the visibility rule, though whoever reached the report could see its matter.
      assignment: (report, _, ctx) => ctx.loaders.assignment.load(report.assignmentId),
      reportedBy: (report, _, ctx) => ctx.loaders.staff.load(report.reportedByStaffId),
    },
  };
}
