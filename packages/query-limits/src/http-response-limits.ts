import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { ResponseLimits } from '@heli/service-kit';
import type { QueryLimits } from './query-limits-env.js';
import { responseTooLarge } from './response-size.js';
import { timeBudgetExceeded } from './time-budget.js';

/** The response size and time limits in the form service-kit's `graphqlHandler` applies them. */
export function httpResponseLimits(limits: QueryLimits): ResponseLimits {
  return {
    maxResponseBytes: limits.maxResponseBytes,
    timeBudgetMs: limits.timeBudgetMs,
    tooLarge: () => withoutHttp(responseTooLarge(limits.maxResponseBytes)),
    overBudget: () => withoutHttp(timeBudgetExceeded(limits.timeBudgetMs)),
  };
}

/** The error as a client reads it; `extensions.http` is Apollo's instruction, not part of the answer. */
function withoutHttp(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions;
  return { message: error.message, extensions };
}
