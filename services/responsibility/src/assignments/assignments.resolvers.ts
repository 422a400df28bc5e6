import type { Classification } from '@heli/auth';
import { paginate } from '@heli/subgraph-runtime';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import type { DivisionRecord } from '../divisions/divisions.model.js';
import type { PageArgs } from '../organisation/lists.js';
import type { ReportFrequency } from '../progress-reports/report-schedule.rules.js';
import type { ServiceOptions } from '../service-options.js';
import type { StaffRecord } from '../staff/staff.model.js';
import { isOverdue } from '../supervision/escalation.rules.js';
import {
  loadVisibleMatter,
  requireCanAssign,
  requireCanSplit,
  requireCanSupervise,
  requireCanTakeAction,
} from './assignment-access.js';
import { manualSourceProblem, type AssignmentPriority } from './assignment-fields.rules.js';
import { rejectProblems } from '../organisation/reject-problems.js';
import { actionsFrom } from './assignment-lifecycle.rules.js';
import {
  assignmentListQuery,
  assignmentListSort,
  type AssignmentListFilter,
  type AssignmentSort,
} from './assignment-list.filter.js';
import type {
  AssignmentRecord,
  AssignmentSource,
  AssignmentTransition,
} from './assignment.model.js';
import { canTakeAction } from './assignment-permissions.rules.js';
import { visibleTo } from './assignment-visibility.rules.js';
import {
  acceptAssignment,
  cancelAssignment,
  completeAssignment,
  createAssignment,
  createSubAssignment,
  returnAssignment,
  setReportSchedule,
  submitAssignmentResult,
  type Actor,
} from './assignments.commands.js';
import { writeMatters } from './matter-write.js';
import { rolledUpProgress } from './progress-rollup.rules.js';

export interface AssignmentListArgs extends PageArgs {
  filter?: AssignmentListFilter | null;
  sort?: AssignmentSort | null;
}

/** One page of the matters `viewer` may see that match `args` and `scope`. */
export function listAssignments(
  ctx: ResponsibilityContext,
  now: Date,
  args: AssignmentListArgs,
  scope: Parameters<typeof visibleTo>[1] = {},
) {
  const query = { $and: [scope, assignmentListQuery(args.filter, now)] };
  return paginate(ctx.models.assignments, visibleTo(ctx.viewer, query), {
    first: args.first,
    after: args.after,
    sort: assignmentListSort(args.sort),
  });
}

interface CreateAssignmentArgs {
  input: {
    title: string;
    requirements: string;
    source: AssignmentSource;
    classification: Classification;
    leadDivisionId: string;
    coDivisionIds: string[];
    responsibleStaffIds: string[];
    deadline: Date;
    priority: AssignmentPriority;
    reportFrequency: ReportFrequency;
  };
}

interface StepArgs {
  input: { id: string; expectedVersion?: number | null; note?: string | null };
}

export function assignmentsResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  const actorOf = (ctx: ResponsibilityContext): Actor => ({
    staffId: ctx.viewer.sub,
    at: clock.now(),
  });

  /** Loads the matter the viewer may see, checks they may take `action`, and runs `step`. */
  const step =
    (action: Parameters<typeof requireCanTakeAction>[2], run: StepRunner) =>
    async (_: unknown, { input }: { input: StepInput }, ctx: ResponsibilityContext) => {
      const matter = await loadVisibleMatter(ctx, input.id);
      requireCanTakeAction(ctx, matter, action);
      const after = await writeMatters(ctx, (write) => run(write, input, actorOf(ctx)));
      ctx.loaders.assignment.clear(after._id).prime(after._id, after);
      return after;
    };

  return {
    Query: {
      assignment: (_: unknown, { id }: { id: string }, ctx: ResponsibilityContext) =>
        ctx.loaders.assignment.load(id),
      assignments: (_: unknown, args: AssignmentListArgs, ctx: ResponsibilityContext) =>
        listAssignments(ctx, clock.now(), args),
    },

    Mutation: {
      createAssignment: async (
        _: unknown,
        { input }: CreateAssignmentArgs,
        ctx: ResponsibilityContext,
      ) => {
        requireCanAssign(ctx);
        const { source, ...matter } = input;
        rejectProblems([manualSourceProblem(source)]);
        return writeMatters(ctx, (write) =>
          createAssignment(
            write,
            matter,
            { source, sourceRef: null, parentId: null },
            actorOf(ctx),
          ),
        );
      },
      acceptAssignment: step('ACCEPT', (write, input, actor) =>
        acceptAssignment(write, { ...input, actor }),
      ),
      submitAssignmentResult: step('SUBMIT_RESULT', (write, input, actor) =>
        submitAssignmentResult(write, { ...input, result: input.result ?? '', actor }),
      ),
      completeAssignment: step('COMPLETE', (write, input, actor) =>
        completeAssignment(write, { ...input, actor }),
      ),
      returnAssignment: step('RETURN', (write, input, actor) =>
        returnAssignment(write, { ...input, reason: input.reason ?? '', actor }),
      ),
      cancelAssignment: step('CANCEL', (write, input, actor) =>
        cancelAssignment(write, { ...input, reason: input.reason ?? '', actor }),
      ),
      createSubAssignment: async (
        _: unknown,
        {
          input: { parentId, ...sub },
        }: { input: { parentId: string } & Parameters<typeof createSubAssignment>[2] },
        ctx: ResponsibilityContext,
      ) => {
        const parent = await loadVisibleMatter(ctx, parentId);
        requireCanSplit(ctx, parent);
        return writeMatters(ctx, (write) =>
          createSubAssignment(write, parentId, sub, actorOf(ctx)),
        );
      },
      setReportSchedule: async (
        _: unknown,
        { input }: { input: { id: string; frequency: ReportFrequency } },
        ctx: ResponsibilityContext,
      ) => {
        const matter = await loadVisibleMatter(ctx, input.id);
        requireCanSupervise(ctx, matter);
        return writeMatters(ctx, (write) =>
          setReportSchedule(write, input.id, input.frequency, actorOf(ctx)),
        );
      },
    },

    Assignment: {
      __resolveReference: ({ id }: { id: string }, ctx: ResponsibilityContext) =>
        ctx.loaders.assignment.load(id),
      id: (matter: AssignmentRecord) => matter._id,
      leadDivision: (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.division.load(matter.leadDivisionId),
      coDivisions: async (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        present<DivisionRecord>(await ctx.loaders.division.loadMany(matter.coDivisionIds)),
      responsibleStaff: async (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        present<StaffRecord>(await ctx.loaders.staff.loadMany(matter.responsibleStaffIds)),
      assignedBy: (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.staff.load(matter.assignedByStaffId),
      availableActions: (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        actionsFrom(matter.status).filter((action) => canTakeAction(ctx.viewer, matter, action)),
      parent: (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        matter.parentId === null ? null : ctx.loaders.assignment.load(matter.parentId),
      subAssignments: (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.subAssignments.load(matter._id),
      progress: async (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        rolledUpProgress(matter, await ctx.loaders.subMatterProgress.load(matter._id)),
      overdue: (matter: AssignmentRecord) => isOverdue(matter, clock.now()),
    },

    AssignmentTransition: {
      by: (entry: AssignmentTransition, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.staff.load(entry.byStaffId),
    },

    AssignmentResult: {
      submittedBy: (
        result: AssignmentRecord['result'] & object,
        _: unknown,
        ctx: ResponsibilityContext,
      ) => ctx.loaders.staff.load(result.submittedByStaffId),
    },

    Division: {
      assignments: (
        division: DivisionRecord,
        args: AssignmentListArgs,
        ctx: ResponsibilityContext,
      ) =>
        listAssignments(ctx, clock.now(), args, {
          $or: [{ leadDivisionId: division._id }, { coDivisionIds: division._id }],
        }),
    },

    Staff: {
      assignments: (staff: StaffRecord, args: AssignmentListArgs, ctx: ResponsibilityContext) =>
        listAssignments(ctx, clock.now(), args, { responsibleStaffIds: staff._id }),
    },
  };
}

type StepInput = StepArgs['input'] & { result?: string; reason?: string };
type StepRunner = (
  write: Parameters<Parameters<typeof writeMatters>[1]>[0],
  input: StepInput,
  actor: Actor,
) => Promise<AssignmentRecord>;

/** Loaded records in key order without the ones that no longer exist. */
function present<T>(loaded: readonly (T | null | Error)[]): T[] {
  return loaded.filter((item): item is T => item !== null && !(item instanceof Error));
}
