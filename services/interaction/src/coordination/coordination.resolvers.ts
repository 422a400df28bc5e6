import { badInput, wantsCount } from '@heli/subgraph-runtime';
import type { InteractionResolvers } from '../context.js';
import type { InteractionDependencies } from '../dependencies.js';
import type { MeetingRecord } from '../meetings/meeting.model.js';
import { writeInteraction } from '../records/interaction-write.js';
import { addKeyWorkItem, agreePartnerTask, reportPartnerTask } from './coordination.commands.js';
import type { KeyWorkItemRecord } from './coordination.model.js';
import {
  keyWorkItemVisibilityFilter,
  monthsBetween,
  partnerTaskVisibilityFilter,
} from './coordination.rules.js';

const ref = (id: string) => ({ id });

export function coordinationResolvers({ clock }: InteractionDependencies): InteractionResolvers {
  return {
    Query: {
      overallArrangement: async (_, { from, to }, ctx) => {
        const range = monthsBetween(from, to);
        if ('problem' in range) throw badInput(range.problem, { fields: ['from', 'to'] });
        const items = await ctx.models.keyWorkItems
          .find({
            $and: [{ month: { $in: range.months } }, keyWorkItemVisibilityFilter(ctx.viewer)],
          })
          .sort({ month: 1, addedAt: 1, _id: 1 })
          .lean<KeyWorkItemRecord[]>();
        return range.months.map((month) => ({
          month,
          items: items.filter((item) => item.month === month),
        }));
      },
      keyWorkItem: (_, { id }, ctx) => ctx.loaders.keyWorkItem.load(id),
      partnerTask: (_, { id }, ctx) => ctx.loaders.partnerTask.load(id),
    },

    Mutation: {
      addKeyWorkItem: (_, { input }, ctx) =>
        writeInteraction(ctx, (write) =>
          addKeyWorkItem(
            write,
            ctx.viewer,
            {
              month: input.month,
              title: input.title,
              description: input.description,
              officeId: input.officeId ?? null,
              classification: input.classification,
            },
            clock.now(),
          ),
        ),
      agreePartnerTask: (_, { meetingId, input }, ctx) =>
        writeInteraction(ctx, (write) =>
          agreePartnerTask(
            write,
            ctx.viewer,
            meetingId,
            {
              title: input.title,
              requirements: input.requirements,
              partnerOfficeId: input.partnerOfficeId,
              leadStaffId: input.leadStaffId,
              coDivisionIds: input.coDivisionIds,
              deadline: input.deadline,
              keyWorkItemId: input.keyWorkItemId ?? null,
            },
            clock.now(),
          ),
        ),
      reportPartnerTaskProgress: (_, { taskId, note, completed }, ctx) =>
        writeInteraction(ctx, (write) =>
          reportPartnerTask(write, ctx.viewer, taskId, note, completed, clock.now()),
        ),
    },

    Office: {
      __resolveReference: ({ id }) => ({ id }),
      partnerTasks: (office, { status, first, after }, ctx, info) =>
        ctx.loaders
          .officePartnerTaskPages(
            { $and: [...(status ? [{ status }] : []), partnerTaskVisibilityFilter(ctx.viewer)] },
            { field: 'deadline', direction: 'ASC' },
          )
          .load({ key: office.id, first, after, countTotal: wantsCount(info) }),
    },

    Meeting: {
      partnerOffices: (meeting: MeetingRecord) => (meeting.partnerOfficeIds ?? []).map(ref),
      keyWorkItems: async (meeting: MeetingRecord, _, ctx) =>
        (await ctx.loaders.keyWorkItem.loadMany(meeting.keyWorkItemIds ?? [])).filter(
          (item): item is KeyWorkItemRecord => item !== null && !(item instanceof Error),
        ),
      partnerTasks: (meeting: MeetingRecord, _, ctx) =>
        ctx.loaders.partnerTasksOfMeeting.load(meeting._id),
    },

    KeyWorkItem: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.keyWorkItem.load(id),
      id: (item) => item._id,
      office: (item) => (item.officeId ? ref(item.officeId) : null),
      meetings: (item, _, ctx) => ctx.loaders.meetingsOfKeyWorkItem.load(item._id),
      partnerTasks: (item, _, ctx) => ctx.loaders.partnerTasksOfKeyWorkItem.load(item._id),
      addedBy: (item) => ref(item.addedByStaffId),
    },

    PartnerTask: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.partnerTask.load(id),
      id: (task) => task._id,
      meeting: (task, _, ctx) => ctx.loaders.meeting.load(task.meetingId),
      partnerOffice: (task) => ref(task.partnerOfficeId),
      lead: (task) => ref(task.leadStaffId),
      coDivisions: (task) => task.coDivisionIds.map(ref),
      organiserDivision: (task) => ref(task.organiserDivisionId),
      overdue: (task) =>
        task.status !== 'COMPLETED' && task.deadline.getTime() < clock.now().getTime(),
      keyWorkItem: (task, _, ctx) =>
        task.keyWorkItemId ? ctx.loaders.keyWorkItem.load(task.keyWorkItemId) : null,
      agreedBy: (task) => ref(task.agreedByStaffId),
    },

    PartnerTaskProgress: {
      by: (entry) => ref(entry.staffId),
    },
  };
}
