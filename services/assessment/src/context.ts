import type { SubgraphContext } from '@heli/subgraph-runtime';
import type { Resolvers } from './generated/resolvers-types.js';
import type { AssessmentLoaders } from './loaders.js';
import type { AssessmentModels } from './models.js';

export type AssessmentContext = SubgraphContext<AssessmentLoaders, AssessmentModels>;

export type AssessmentResolvers = Resolvers<AssessmentContext>;
