import { loadVisibleMatter, requireCanSupervise } from '../assignments/assignment-access.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import { writeMatters } from '../assignments/matter-write.js';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import type { ServiceOptions } from '../service-options.js';
import type { ReminderRecord } from './reminder.model.js';
import { remindManually } from './reminders.commands.js';

export function supervisionResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  return {
    Mutation: {
      remindAssignment: async (
        _: unknown,
        { input }: { input: { id: string; message: string } },
        ctx: ResponsibilityContext,
      ) => {
        const matter = await loadVisibleMatter(ctx, input.id);
        requireCanSupervise(ctx, matter);
        return writeMatters(ctx, (write) =>
          remindManually(write, matter, input.message, {
            staffId: ctx.viewer.sub,
            at: clock.now(),
          }),
        );
      },
    },

    Assignment: {
      reminders: (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.reminders.load(matter._id),
    },

    Reminder: {
      id: (reminder: ReminderRecord) => reminder._id,
      assignment: (reminder: ReminderRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.assignment.load(reminder.assignmentId),
      sentBy: (reminder: ReminderRecord, _: unknown, ctx: ResponsibilityContext) =>
        reminder.sentByStaffId === null ? null : ctx.loaders.staff.load(reminder.sentByStaffId),
    },
  };
}
