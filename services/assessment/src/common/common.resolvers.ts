import { dateTimeScalar } from '@heli/subgraph-runtime';
import type { AssessmentResolvers } from '../context.js';

export const commonResolvers: AssessmentResolvers = { DateTime: dateTimeScalar };
