import type { SubgraphContext } from '@heli/subgraph-runtime';
import type { Resolvers } from './generated/resolvers-types.js';
import type { LiaisonLoaders } from './loaders.js';
import type { LiaisonModels } from './models.js';

export type LiaisonContext = SubgraphContext<LiaisonLoaders, LiaisonModels>;

export type LiaisonResolvers = Resolvers<LiaisonContext>;
