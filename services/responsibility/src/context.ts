import type { GraphQLResolverMap, SubgraphContext } from '@heli/subgraph-runtime';
import type { ResponsibilityLoaders } from './loaders.js';
import type { ResponsibilityModels } from './models.js';

export type ResponsibilityContext = SubgraphContext<ResponsibilityLoaders, ResponsibilityModels>;

export type ResponsibilityResolvers = GraphQLResolverMap<ResponsibilityContext>;
