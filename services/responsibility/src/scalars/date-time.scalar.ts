import { dateTimeScalar } from '@heli/subgraph-runtime';
import type { ResponsibilityResolvers } from '../context.js';

export const dateTimeResolvers: ResponsibilityResolvers = { DateTime: dateTimeScalar };
