import type { LoaderScope } from '@heli/subgraph-runtime';
import type { NotificationsModels } from './models.js';

/**
 * Per-request DataLoaders. None yet: a notification is only ever read in its person's own list,
 * never looked up by reference.
 */
export function createNotificationsLoaders(_scope: LoaderScope<NotificationsModels>) {
  return {};
}

export type NotificationsLoaders = ReturnType<typeof createNotificationsLoaders>;
