import type { GraphQLResolverMap, SubgraphContext } from '@heli/subgraph-runtime';
import type { SharingLoaders } from './loaders.js';
import type { SharingModels } from './models.js';

export type SharingContext = SubgraphContext<SharingLoaders, SharingModels>;

export type SharingResolvers = GraphQLResolverMap<SharingContext>;
