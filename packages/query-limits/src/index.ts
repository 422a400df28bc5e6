export {
  DEFAULT_QUERY_LIMITS,
  queryLimitsEnv,
  queryLimitsFromEnv,
  type QueryLimits,
} from './query-limits-env.js';
export { LIMIT_ERROR_CODES, limitViolation } from './query-limits.js';
export {
  DEFAULT_LIST_SIZE,
  measureOperation,
  type QueryMeasurements,
} from './measure-operation.js';
export {
  listSizeHintsFromSdl,
  listSizeHintsOf,
  type ListSizeHint,
  type ListSizeHints,
} from './list-size-hints.js';
export {
  apolloQueryLimits,
  queryLimitsPlugin,
  type ApolloQueryLimitsOptions,
} from './query-limits-plugin.js';
export { TIME_BUDGET_EXCEEDED, timeBudgetExceeded } from './time-budget.js';
export { RESPONSE_TOO_LARGE, responseTooLarge } from './response-size.js';
export { httpResponseLimits } from './http-response-limits.js';
