import { dateTimeScalar } from '@heli/subgraph-runtime';
import type { NotificationsResolvers } from '../context.js';

export const commonResolvers: NotificationsResolvers = { DateTime: dateTimeScalar };
