import { dateTimeScalar } from '@heli/subgraph-runtime';
import type { LiaisonResolvers } from '../context.js';

export const commonResolvers: LiaisonResolvers = { DateTime: dateTimeScalar };
