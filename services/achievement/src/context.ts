import type { SubgraphContext } from '@heli/subgraph-runtime';
import type { Resolvers } from './generated/resolvers-types.js';
import type { AchievementLoaders } from './loaders.js';
import type { AchievementModels } from './models.js';

export type AchievementContext = SubgraphContext<AchievementLoaders, AchievementModels>;

export type AchievementResolvers = Resolvers<AchievementContext>;
