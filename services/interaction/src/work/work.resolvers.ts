import { forbidden, MAX_PAGE_SIZE, rejectProblems, wantsCount } from '@heli/subgraph-runtime';
import type { InteractionContext, InteractionResolvers } from '../context.js';
import type { InteractionDependencies } from '../dependencies.js';
import type { MeetingRecord } from '../meetings/meeting.model.js';
import { meetingInvolvementFilter } from '../meetings/meetings.rules.js';
import type { StepRecord } from '../workflows/workflow.model.js';
import { openStepsOf } from '../workflows/workflows.resolvers.js';
import { chinaWeekAround, stepActions, urgencyOf, type WorkRef } from './work.rules.js';

function requireOwnWork(ctx: InteractionContext, work: WorkRef): void {
  if (work.staffId !== ctx.viewer.sub) throw forbidden('只能查看本人的工作');
}

function listSize(first: number | null | undefined): number {
  const size = first ?? 20;
  rejectProblems([
    size >= 0 && size <= MAX_PAGE_SIZE ? null : `first 须在 0 到 ${MAX_PAGE_SIZE} 之间`,
  ]);
  return size;
}

/**
 * 我的工作 as interaction sees it: workflow steps waiting for the person and their meetings this
 * week. Responsibility owns `Work`; the gateway asks each subgraph for its own lists.
 */
export function workResolvers({ clock }: InteractionDependencies): InteractionResolvers {
  return {
    Work: {
      __resolveReference: ({ staffId }, ctx) => (staffId === ctx.viewer.sub ? { staffId } : null),

      workflowSteps: async (work, { first }, ctx, info) => {
        requireOwnWork(ctx, work);
        const limit = listSize(first);
        const query = openStepsOf(ctx.viewer);
        const [steps, totalCount] = await Promise.all([
          ctx.models.steps.find(query).sort({ dueAt: 1, _id: 1 }).limit(limit).lean<StepRecord[]>(),
          // Counted only when asked for: a second command the list does not otherwise need.
          wantsCount(info) ? ctx.models.steps.countDocuments(query) : undefined,
        ]);
        const now = clock.now();
        return {
          totalCount,
          items: steps.map((step) => ({
            step,
            urgency: urgencyOf(step.dueAt, now),
            dueAt: step.dueAt,
            actions: stepActions(step),
          })),
        };
      },

      meetingsThisWeek: async (work, { first }, ctx) => {
        requireOwnWork(ctx, work);
        const limit = listSize(first);
        const { from, to } = chinaWeekAround(clock.now());
        const query = {
          $and: [meetingInvolvementFilter(ctx.viewer), { startsAt: { $gte: from, $lt: to } }],
        };
        const [items, totalCount] = await Promise.all([
          ctx.models.meetings
            .find(query)
            .sort({ startsAt: 1, _id: 1 })
            .limit(limit)
            .lean<MeetingRecord[]>(),
          ctx.models.meetings.countDocuments(query),
        ]);
        return { totalCount, items };
      },
    },
  };
}
