import { dateTimeScalar } from '@heli/subgraph-runtime';
import type { InteractionResolvers } from '../context.js';

export const commonResolvers: InteractionResolvers = { DateTime: dateTimeScalar };
