import { loadVisibleMatter, requireCanSupervise } from '../assignments/assignment-access.js';
import { writeMatters } from '../assignments/matter-write.js';
import type { ResponsibilityResolvers } from '../context.js';
import type { ServiceOptions } from '../service-options.js';
import { remindManually } from './reminders.commands.js';

export function supervisionResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  return {
    Mutation: {
      remindAssignment: async (_, { input }, ctx) => {
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
      reminders: (matter, _, ctx) => ctx.loaders.reminders.load(matter._id),
    },

    Reminder: {
      id: (reminder) => reminder._id,
      assignment: (reminder, _, ctx) => ctx.loaders.assignment.load(reminder.assignmentId),
      sentBy: (reminder, _, ctx) =>
        reminder.sentByStaffId === null ? null : ctx.loaders.staff.load(reminder.sentByStaffId),
    },
  };
}
