import { defineSubgraph, loadSdl } from '@heli/subgraph-runtime';
import { commonResolvers } from './common/common.resolvers.js';
import { directoryHandlers } from './directory/directory.handlers.js';
import { createNotificationsLoaders } from './loaders.js';
import { notificationsModels } from './models.js';
import { notificationHandlers } from './notifications/notifications.handlers.js';
import { notificationsResolvers } from './notifications/notifications.resolvers.js';
import {
  NOTIFICATION_STREAM_PATH,
  notificationStreams,
  type NotificationStreams,
} from './push/notification-stream.js';
import { natsPersonalPush } from './push/personal-push.js';
import { savedQueriesResolvers } from './saved-queries/saved-queries.resolvers.js';

const sdl = (path: string) => loadSdl(new URL(path, import.meta.url));

export interface NotificationsSubgraphOptions {
  /** A comment line on each open stream this often (20 s by default). */
  heartbeatMs?: number;
}

/**
 * The notifications subgraph: tells a person, as it happens, what needs them — a matter assigned
 * or escalated, a document to read, a circulation reaching them, a report due, a difficulty
 * resolved. It builds each person's notifications from the domain events on NATS and pushes them
 * to their open console over Server-Sent Events (docs/adr/014-notifications.md).
 */
export function createNotificationsSubgraph({
  heartbeatMs = 20_000,
}: NotificationsSubgraphOptions = {}) {
  let streams: NotificationStreams | undefined;
  return defineSubgraph({
    name: 'notifications',
    typeDefs: [
      sdl('./common/common.graphql'),
      sdl('./notifications/notifications.graphql'),
      sdl('./saved-queries/saved-queries.graphql'),
    ],
    resolvers: [commonResolvers, notificationsResolvers, savedQueriesResolvers],
    models: notificationsModels,
    createLoaders: createNotificationsLoaders,
    eventHandlers: (runtime) => [
      {
        // One consumer for both, so a person's division is known before a document reaches it
        // whenever the organisation's events came first.
        consumerName: 'notifications',
        handlers: {
          ...directoryHandlers(runtime.models),
          ...notificationHandlers(
            runtime.models,
            natsPersonalPush(runtime.nats, runtime.env.HELI_NAMESPACE),
          ),
        },
      },
    ],
    viewerRoutes: (runtime) => {
      streams = notificationStreams(
        runtime.models,
        natsPersonalPush(runtime.nats, runtime.env.HELI_NAMESPACE),
        runtime.logger,
        { heartbeatMs, commitWaitMs: 5_000 },
      );
      return { [NOTIFICATION_STREAM_PATH]: streams.handlerFor };
    },
    onClose: () => streams?.closeAll(),
  });
}

export { NOTIFICATION_STREAM_PATH } from './push/notification-stream.js';
