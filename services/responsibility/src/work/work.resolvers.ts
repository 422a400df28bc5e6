import { forbidden, MAX_PAGE_SIZE, rejectProblems } from '@heli/subgraph-runtime';
import { availableActions } from '../assignments/assignment-access.js';
import { visibleTo } from '../assignments/assignment-visibility.rules.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import { difficultyVisibilityFilter } from '../difficulties/difficulties.rules.js';
import type { DifficultyRecord } from '../difficulties/difficulty.model.js';
import type { ServiceOptions } from '../service-options.js';
import type { ReminderRecord } from '../supervision/reminder.model.js';
import {
  difficultyItem,
  involvementIn,
  matterUrgency,
  myDifficultiesQuery,
  myMattersQuery,
  remindedMattersQuery,
  reportsDueQuery,
  urgencyOf,
  type WorkMatterItem,
} from './work.rules.js';

const HOUR_MS = 3_600_000;

/** The parent of every `Work` field: whose work it is. */
export interface WorkRef {
  staffId: string;
}

function requireOwnWork(ctx: ResponsibilityContext, work: WorkRef): void {
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
 * 我的工作 as responsibility sees it. Every list joins the same visibility rules as the rest of
 * the subgraph, so the counts never include a matter or difficulty the person could not open.
 */
export function workResolvers({ clock, supervision }: ServiceOptions): ResponsibilityResolvers {
  const windowHours = supervision.reminderBeforeHours;

  return {
    Staff: {
      work: (staff, _, ctx) => (staff._id === ctx.viewer.sub ? { staffId: staff._id } : null),
    },

    Work: {
      __resolveReference: ({ staffId }, ctx) => (staffId === ctx.viewer.sub ? { staffId } : null),

      matters: async (work, { first }, ctx) => {
        requireOwnWork(ctx, work);
        const limit = listSize(first);
        const now = clock.now();
        const query = visibleTo(ctx.viewer, myMattersQuery(ctx.viewer));
        // Deadline order is urgency order: an overdue matter's deadline is the earliest.
        const [matters, totalCount] = await Promise.all([
          ctx.models.assignments
            .find(query)
            .sort({ deadline: 1, priorityRank: -1, _id: 1 })
            .limit(limit)
            .lean<AssignmentRecord[]>(),
          ctx.models.assignments.countDocuments(query),
        ]);
        const items: WorkMatterItem[] = matters.map((matter) => ({
          matter,
          involvement: involvementIn(ctx.viewer, matter),
          urgency: matterUrgency(matter, now, windowHours),
          dueAt: matter.deadline,
        }));
        return { totalCount, items };
      },

      progressReportsDue: async (work, { first }, ctx) => {
        requireOwnWork(ctx, work);
        const limit = listSize(first);
        const now = clock.now();
        const horizon = new Date(now.getTime() + windowHours * HOUR_MS);
        const query = visibleTo(ctx.viewer, reportsDueQuery(ctx.viewer, horizon));
        const [matters, totalCount] = await Promise.all([
          ctx.models.assignments
            .find(query)
            .sort({ nextReportDueAt: 1, _id: 1 })
            .limit(limit)
            .lean<AssignmentRecord[]>(),
          ctx.models.assignments.countDocuments(query),
        ]);
        const items: WorkMatterItem[] = matters.map((matter) => ({
          matter,
          involvement: involvementIn(ctx.viewer, matter),
          urgency: urgencyOf(matter.nextReportDueAt!, now, windowHours),
          dueAt: matter.nextReportDueAt!,
        }));
        return { totalCount, items };
      },

      difficulties: async (work, { first }, ctx) => {
        requireOwnWork(ctx, work);
        const limit = listSize(first);
        const query = {
          $and: [difficultyVisibilityFilter(ctx.viewer), myDifficultiesQuery(ctx.viewer)],
        };
        const [difficulties, totalCount] = await Promise.all([
          ctx.models.difficulties
            .find(query)
            .sort({ raisedAt: 1, _id: 1 })
            .limit(limit)
            .lean<DifficultyRecord[]>(),
          ctx.models.difficulties.countDocuments(query),
        ]);
        return {
          totalCount,
          items: difficulties.map((difficulty) => difficultyItem(ctx.viewer, difficulty)),
        };
      },

      reminders: async (work, { first }, ctx) => {
        requireOwnWork(ctx, work);
        const limit = listSize(first);
        const matterIds = await ctx.models.assignments.distinct<string>(
          '_id',
          visibleTo(ctx.viewer, remindedMattersQuery(ctx.viewer)),
        );
        const query = { assignmentId: { $in: matterIds } };
        const [reminders, totalCount] = await Promise.all([
          ctx.models.reminders
            .find(query)
            .sort({ sentAt: -1, _id: -1 })
            .limit(limit)
            .lean<ReminderRecord[]>(),
          ctx.models.reminders.countDocuments(query),
        ]);
        return { totalCount, items: reminders.map((reminder) => ({ reminder })) };
      },
    },

    WorkMatter: {
      assignment: (item) => item.matter,
      actions: (item, _, ctx) => availableActions(ctx, item.matter),
    },

    WorkReminder: {
      actions: async (item, _, ctx) => {
        const matter = await ctx.loaders.assignment.load(item.reminder.assignmentId);
        return matter ? availableActions(ctx, matter) : [];
      },
    },
  };
}
