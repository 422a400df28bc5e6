import type { SubgraphContext } from '@heli/subgraph-runtime';
import type { Resolvers } from './generated/resolvers-types.js';
import type { SharingLoaders } from './loaders.js';
import type { SharingModels } from './models.js';

export type SharingContext = SubgraphContext<SharingLoaders, SharingModels>;

export type SharingResolvers = Resolvers<SharingContext>;
