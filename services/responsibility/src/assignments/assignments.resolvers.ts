import { paginate, rejectProblems, wantsCount } from '@heli/subgraph-runtime';
import type { GraphQLResolveInfo } from 'graphql';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import type { DivisionRecord } from '../divisions/divisions.model.js';
import type { AssignmentFilter, QueryAssignmentsArgs } from '../generated/resolvers-types.js';
import { loadReferenced } from '../records/referenced.js';
import type { ServiceOptions } from '../service-options.js';
import type { StaffRecord } from '../staff/staff.model.js';
import { isOverdue } from '../supervision/escalation.rules.js';
import {
  availableActions,
  loadVisibleMatter,
  requireCanAssign,
  requireCanClassify,
  requireCanSplit,
  requireCanSupervise,
  requireCanTakeAction,
} from './assignment-access.js';
import { searchAssignments } from './assignment-search.js';
import { manualSourceProblem } from './assignment-fields.rules.js';
import {
  assignmentListQuery,
  assignmentListSort,
  type AssignmentListFilter,
} from './assignment-list.filter.js';
import type { AssignmentRecord } from './assignment.model.js';
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
import { writeMatters, type MatterWrite } from './matter-write.js';
import { rolledUpProgress } from './progress-rollup.rules.js';

/** One page of the matters `viewer` may see that match `args` and `scope`. */
export function listAssignments(
  ctx: ResponsibilityContext,
  now: Date,
  args: QueryAssignmentsArgs,
  info: GraphQLResolveInfo,
  scope: Parameters<typeof visibleTo>[1] = {},
) {
  const query = { $and: [scope, assignmentListQuery(listFilter(args.filter), now)] };
  return paginate(
    ctx.models.assignments,
    visibleTo(ctx.viewer, query),
    { first: args.first, after: args.after, sort: assignmentListSort(args.sort) },
    info,
  );
}

/**
 * One page of the matters `viewer` may see under one parent (a division, a person) that match
 * `args`: the parents of one list share a grouped loader, so their pages are one command.
 */
export function listUnderParent(
  ctx: ResponsibilityContext,
  pages: ResponsibilityContext['loaders']['leadAssignmentPages'],
  parentId: string,
  args: QueryAssignmentsArgs,
  info: GraphQLResolveInfo,
) {
  const query = visibleTo(
    ctx.viewer,
    assignmentListQuery(listFilter(args.filter), ctx.loaders.now),
  );
  return pages(query, assignmentListSort(args.sort)).load({
    key: parentId,
    first: args.first,
    after: args.after,
    countTotal: wantsCount(info),
  });
}

function listFilter(filter: AssignmentFilter | null | undefined): AssignmentListFilter | null {
  if (!filter) return null;
  return {
    ...filter,
    deadlineFrom: filter.deadlineFrom ?? null,
    deadlineTo: filter.deadlineTo ?? null,
  };
}

export function assignmentsResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  const actorOf = (ctx: ResponsibilityContext): Actor => ({
    staffId: ctx.viewer.sub,
    at: clock.now(),
  });

  /** Loads the matter the viewer may see, checks they may take `action`, and runs `step`. */
  const step =
    <TInput extends { id: string }>(
      action: Parameters<typeof requireCanTakeAction>[2],
      run: (write: MatterWrite, input: TInput, actor: Actor) => Promise<AssignmentRecord>,
    ) =>
    async (_: unknown, { input }: { input: TInput }, ctx: ResponsibilityContext) => {
      const matter = await loadVisibleMatter(ctx, input.id);
      requireCanTakeAction(ctx, matter, action);
      const after = await writeMatters(ctx, (write) => run(write, input, actorOf(ctx)));
      ctx.loaders.assignment.clear(after._id).prime(after._id, after);
      return after;
    };

  return {
    Query: {
      assignment: (_, { id }, ctx) => ctx.loaders.assignment.load(id),
      assignments: (_, args, ctx, info) => listAssignments(ctx, clock.now(), args, info),
      searchAssignments: (_, args, ctx) =>
        searchAssignments(
          ctx.models,
          ctx.viewer,
          args,
          assignmentListQuery(listFilter(args.filter), clock.now()),
        ),
    },

    Mutation: {
      createAssignment: async (_, { input }, ctx) => {
        requireCanAssign(ctx);
        requireCanClassify(ctx, input.classification);
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
        submitAssignmentResult(write, { ...input, actor }),
      ),
      completeAssignment: step('COMPLETE', (write, input, actor) =>
        completeAssignment(write, { ...input, actor }),
      ),
      returnAssignment: step('RETURN', (write, input, actor) =>
        returnAssignment(write, { ...input, actor }),
      ),
      cancelAssignment: step('CANCEL', (write, input, actor) =>
        cancelAssignment(write, { ...input, actor }),
      ),
      createSubAssignment: async (_, { input: { parentId, ...sub } }, ctx) => {
        const parent = await loadVisibleMatter(ctx, parentId);
        requireCanSplit(ctx, parent);
        return writeMatters(ctx, (write) =>
          createSubAssignment(write, parentId, sub, actorOf(ctx)),
        );
      },
      setReportSchedule: async (_, { input }, ctx) => {
        const matter = await loadVisibleMatter(ctx, input.id);
        requireCanSupervise(ctx, matter);
        return writeMatters(ctx, (write) =>
          setReportSchedule(write, input.id, input.frequency, actorOf(ctx)),
        );
      },
    },

    Assignment: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.assignment.load(id),
      id: (matter) => matter._id,
      leadDivision: (matter, _, ctx) => loadReferenced(ctx.loaders.division, matter.leadDivisionId),
      coDivisions: async (matter, _, ctx) =>
        present<DivisionRecord>(await ctx.loaders.division.loadMany(matter.coDivisionIds)),
      responsibleStaff: async (matter, _, ctx) =>
        present<StaffRecord>(await ctx.loaders.staff.loadMany(matter.responsibleStaffIds)),
      assignedBy: (matter, _, ctx) => ctx.loaders.staff.load(matter.assignedByStaffId),
      availableActions: (matter, _, ctx) => availableActions(ctx, matter),
      parent: (matter, _, ctx) =>
        matter.parentId === null ? null : ctx.loaders.assignment.load(matter.parentId),
      subAssignments: (matter, _, ctx) => ctx.loaders.subAssignments.load(matter._id),
      progress: async (matter, _, ctx) =>
        rolledUpProgress(matter, await ctx.loaders.subMatterProgress.load(matter._id)),
      overdue: (matter) => isOverdue(matter, clock.now()),
      // The deadline it passed: true from that moment, before any scan has noticed.
      overdueSince: (matter) => (isOverdue(matter, clock.now()) ? matter.deadline : null),
    },

    AssignmentSearchHit: {
      assignment: (hit) => hit.matter,
    },

    AssignmentTransition: {
      by: (entry, _, ctx) => ctx.loaders.staff.load(entry.byStaffId),
    },

    AssignmentResult: {
      submittedBy: (result, _, ctx) => ctx.loaders.staff.load(result.submittedByStaffId),
    },

    Division: {
      assignments: (division, args, ctx, info) =>
        listUnderParent(ctx, ctx.loaders.divisionAssignmentPages, division._id, args, info),
    },

    Staff: {
      assignments: (staff, args, ctx, info) =>
        listUnderParent(ctx, ctx.loaders.staffAssignmentPages, staff._id, args, info),
    },
  };
}

/** Loaded records in key order without the ones that no longer exist. */
function present<T>(loaded: readonly (T | null | Error)[]): T[] {
  return loaded.filter((item): item is T => item !== null && !(item instanceof Error));
}
