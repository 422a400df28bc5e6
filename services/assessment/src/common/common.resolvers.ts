import type { AssessmentResolvers } from '../context.js';
import { DateTimeScalar } from './date-time.scalar.js';

export const commonResolvers: AssessmentResolvers = { DateTime: DateTimeScalar };
