import DataLoader from 'dataloader';
import {
  paginate,
  type ConnectionPage,
  type LeanNode,
  type LoaderScope,
} from '@heli/subgraph-runtime';
import type { NotificationsModels } from './models.js';
import type { NotificationRecord } from './notifications/notification.model.js';

/** One page of the caller's notifications, as `Work.notifications` asks for it. */
export interface NotificationPage {
  first: number | null;
  after: string | null;
  unreadOnly: boolean;
  countTotal: boolean;
}

/**
 * Per-request DataLoaders. A notification is only ever read in its person's own list, so `Work`
 * answers only for the caller: a gateway asking for the caller under many representations gets
 * one page and one count, not one per representation.
 */
export function createNotificationsLoaders({ models, viewer }: LoaderScope<NotificationsModels>) {
  return {
    ownNotifications: new DataLoader<
      NotificationPage,
      ConnectionPage<LeanNode<NotificationRecord>>,
      string
    >(
      (pages) =>
        Promise.all(
          pages.map(({ first, after, unreadOnly, countTotal }) =>
            paginate(
              models.notifications,
              { recipientStaffId: viewer.sub, ...(unreadOnly && { readAt: null }) },
              { first, after, sort: { field: 'occurredAt', direction: 'DESC' } },
              { countTotal },
            ),
          ),
        ),
      { cacheKeyFn: (page) => JSON.stringify(page) },
    ),
    ownUnreadCount: new DataLoader<'unread', number>(async (keys) => {
      const count = await models.notifications.countDocuments({
        recipientStaffId: viewer.sub,
        readAt: null,
      });
      return keys.map(() => count);
    }),
  };
}

export type NotificationsLoaders = ReturnType<typeof createNotificationsLoaders>;
