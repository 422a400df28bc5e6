import { forbidden, rejectProblems, wantsCount } from '@heli/subgraph-runtime';
import type { NotificationsContext, NotificationsResolvers } from '../context.js';
import type { NotificationRecord } from './notification.model.js';
import { notificationMessage, visibleTitle } from './notifications.rules.js';

/** Ids accepted in one markNotificationsRead; a page of the bell is 20. */
const MAX_IDS = 100;

const unreadCount = (ctx: NotificationsContext) =>
  ctx.models.notifications.countDocuments({ recipientStaffId: ctx.viewer.sub, readAt: null });

/** Marks the viewer's notifications matching `filter` read (once: a read one keeps its time). */
async function markRead(ctx: NotificationsContext, ids: string[] | null) {
  const mine = { recipientStaffId: ctx.viewer.sub, ...(ids && { _id: { $in: ids } }) };
  await ctx.models.notifications.updateMany(
    { ...mine, readAt: null },
    { $set: { readAt: new Date() } },
  );
  const [notifications, unreadNotificationCount] = await Promise.all([
    ids ? ctx.models.notifications.find(mine).lean<NotificationRecord[]>() : [],
    unreadCount(ctx),
  ]);
  return { notifications, unreadNotificationCount };
}

export const notificationsResolvers: NotificationsResolvers = {
  Work: {
    __resolveReference: ({ staffId }, ctx) => (staffId === ctx.viewer.sub ? { staffId } : null),

    notifications: async (work, { first, after, unreadOnly }, ctx, info) => {
      if (work.staffId !== ctx.viewer.sub) throw forbidden('只能查看本人的通知');
      return ctx.loaders.ownNotifications.load({
        first: first ?? null,
        after: after ?? null,
        unreadOnly: unreadOnly === true,
        countTotal: wantsCount(info),
      });
    },

    unreadNotificationCount: async (work, _args, ctx) => {
      if (work.staffId !== ctx.viewer.sub) throw forbidden('只能查看本人的通知');
      return ctx.loaders.ownUnreadCount.load('unread');
    },
  },

  Notification: {
    id: (notification) => notification._id,
    title: (notification, _args, ctx) => visibleTitle(notification, ctx.viewer.clearance),
    message: (notification, _args, ctx) =>
      notificationMessage(
        notification.kind,
        visibleTitle(notification, ctx.viewer.clearance),
        notification.detail,
      ),
  },

  Mutation: {
    markNotificationsRead: async (_parent, { ids }, ctx) => {
      rejectProblems([ids.length <= MAX_IDS ? null : `一次最多标记 ${MAX_IDS} 条通知`]);
      return markRead(ctx, [...new Set(ids)]);
    },
    markAllNotificationsRead: (_parent, _args, ctx) => markRead(ctx, null),
  },
};
