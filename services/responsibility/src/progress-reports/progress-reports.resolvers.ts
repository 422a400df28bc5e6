import { paginate } from '@heli/subgraph-runtime';
import { loadVisibleMatter, requireCanTakeAction } from '../assignments/assignment-access.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import { writeMatters } from '../assignments/matter-write.js';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import type { PageArgs } from '../organisation/lists.js';
import type { ServiceOptions } from '../service-options.js';
import type { ProgressReportRecord } from './progress-report.model.js';
import { reportProgress, type ProgressReportInput } from './progress-reports.commands.js';

export function progressReportsResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  return {
    Mutation: {
      reportProgress: async (
        _: unknown,
        { input }: { input: ProgressReportInput },
        ctx: ResponsibilityContext,
      ) => {
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
      latestProgressReport: (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        matter.latestProgressReportId === null
          ? null
          : ctx.loaders.progressReport.load(matter.latestProgressReportId),
      progressReports: (matter: AssignmentRecord, args: PageArgs, ctx: ResponsibilityContext) =>
        paginate(
          ctx.models.progressReports,
          { assignmentId: matter._id },
          { ...args, sort: { field: 'reportedAt', direction: 'DESC' } },
        ),
    },

    ProgressReport: {
      id: (report: ProgressReportRecord) => report._id,
      // Through the visibility rule, though whoever reached the report could see its matter.
      assignment: (report: ProgressReportRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.assignment.load(report.assignmentId),
      reportedBy: (report: ProgressReportRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.staff.load(report.reportedByStaffId),
    },
  };
}
