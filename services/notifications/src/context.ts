import type { SubgraphContext } from '@heli/subgraph-runtime';
import type { Resolvers } from './generated/resolvers-types.js';
import type { NotificationsLoaders } from './loaders.js';
import type { NotificationsModels } from './models.js';

export type NotificationsContext = SubgraphContext<NotificationsLoaders, NotificationsModels>;

export type NotificationsResolvers = Resolvers<NotificationsContext>;
