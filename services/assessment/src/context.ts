import type { GraphQLResolverMap, SubgraphContext } from '@heli/subgraph-runtime';
import type { AssessmentLoaders } from './loaders.js';
import type { AssessmentModels } from './models.js';

export type AssessmentContext = SubgraphContext<AssessmentLoaders, AssessmentModels>;

export type AssessmentResolvers = GraphQLResolverMap<AssessmentContext>;
