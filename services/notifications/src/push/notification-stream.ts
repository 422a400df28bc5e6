import type { ServerResponse } from 'node:http';
import type { HeliClaims } from '@heli/auth';
import type { Logger, RouteHandler } from '@heli/service-kit';
import type { NotificationsModels } from '../models.js';
import type { PersonalPush } from './personal-push.js';

export const NOTIFICATION_STREAM_PATH = '/notifications/stream';

export interface NotificationStreamSettings {
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** How long an announced notification may take to become readable (its transaction to commit). */
  commitWaitMs: number;
}

/** The open streams of this replica, so closing the service can end them first. */
export interface NotificationStreams {
  handlerFor(viewer: HeliClaims): RouteHandler;
  closeAll(): void;
}

const COMMIT_POLL_MS = 20;

/**
 * `GET /notifications/stream`: Server-Sent Events for the signed-in person. It opens with
 * `event: ready` and their unread count, then sends `event: notification` with the id and the new
 * unread count each time one of theirs is stored. Only ids and counts travel here — the console
 * reads the notification itself through GraphQL, where titles are checked against clearance.
 */
export function notificationStreams(
  models: NotificationsModels,
  push: PersonalPush,
  logger: Logger,
  settings: NotificationStreamSettings,
): NotificationStreams {
  const open = new Set<ServerResponse>();

  const unreadCount = (staffId: string) =>
    models.notifications.countDocuments({ recipientStaffId: staffId, readAt: null });

  /** The announcement comes from inside the writing transaction: wait until it has committed. */
  const committed = async (staffId: string, id: string): Promise<boolean> => {
    const deadline = Date.now() + settings.commitWaitMs;
    for (;;) {
      if (await models.notifications.exists({ _id: id, recipientStaffId: staffId })) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, COMMIT_POLL_MS));
    }
  };

  return {
    handlerFor: (viewer) => async (req, res) => {
      if (req.method !== 'GET') {
        res.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      const staffId = viewer.sub;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // Tells nginx-like proxies not to buffer the stream.
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) => {
        if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      open.add(res);
      const stopListening = push.listen(staffId, (id) => {
        void (async () => {
          if (!(await committed(staffId, id))) return;
          send('notification', { id, unreadCount: await unreadCount(staffId) });
        })().catch((error: unknown) =>
          logger.warn({ err: error }, 'could not relay a notification'),
        );
      });
      const heartbeat = setInterval(() => {
        if (!res.writableEnded) res.write(': keep-alive\n\n');
      }, settings.heartbeatMs);
      res.once('close', () => {
        clearInterval(heartbeat);
        stopListening();
        open.delete(res);
      });
      // Reconnect after 2 s when the connection drops (the EventSource convention).
      res.write('retry: 2000\n\n');
      send('ready', { unreadCount: await unreadCount(staffId) });
    },
    closeAll() {
      for (const res of open) res.end();
      open.clear();
    },
  };
}
