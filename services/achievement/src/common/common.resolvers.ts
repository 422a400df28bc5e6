import { dateTimeScalar } from '@heli/subgraph-runtime';
import type { AchievementResolvers } from '../context.js';

export const commonResolvers: AchievementResolvers = { DateTime: dateTimeScalar };
