import type { SubgraphContext } from '@heli/subgraph-runtime';
import type { Resolvers } from './generated/resolvers-types.js';
import type { ResponsibilityLoaders } from './loaders.js';
import type { ResponsibilityModels } from './models.js';

export type ResponsibilityContext = SubgraphContext<ResponsibilityLoaders, ResponsibilityModels>;

export type ResponsibilityResolvers = Resolvers<ResponsibilityContext>;
