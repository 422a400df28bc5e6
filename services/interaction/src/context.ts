import type { SubgraphContext } from '@heli/subgraph-runtime';
import type { Resolvers } from './generated/resolvers-types.js';
import type { InteractionLoaders } from './loaders.js';
import type { InteractionModels } from './models.js';

export type InteractionContext = SubgraphContext<InteractionLoaders, InteractionModels>;

export type InteractionResolvers = Resolvers<InteractionContext>;
