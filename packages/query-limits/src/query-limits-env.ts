// Apart from the limits' checks, which need graphql: a process that only parses its environment
// (the gateway's cluster primary) loads this file without loading graphql.
import { envInteger } from '@heli/service-kit';

/** What every GraphQL request must stay within, at the gateway and in each subgraph alike. */
export interface QueryLimits {
  /** Deepest field nesting; root fields are depth 1. */
  maxDepth: number;
  /** Aliased fields per operation. */
  maxAliases: number;
  /** Estimated cost (see `measureOperation`). */
  maxCost: number;
  /** Lexical tokens in the query document; the parser stops at the first one over. */
  maxTokens: number;
  /** Request body size; larger bodies get 413 before anything is parsed. */
  maxBodyBytes: number;
  /** Response body size; a larger result is replaced by a RESPONSE_TOO_LARGE error. */
  maxResponseBytes: number;
  /** Wall-clock time a request may take before it is answered REQUEST_TIME_BUDGET_EXCEEDED. */
  timeBudgetMs: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5000,
  maxTokens: 4000,
  maxBodyBytes: 1024 * 1024,
  maxResponseBytes: 8 * 1024 * 1024,
  timeBudgetMs: 15_000,
};

/**
 * The limits as environment variables, one zod shape spread into the gateway's and every subgraph's
 * env schema, so the same variable means the same thing everywhere.
 */
export const queryLimitsEnv = {
  MAX_DEPTH: envInteger(1, 1000).default(DEFAULT_QUERY_LIMITS.maxDepth),
  MAX_ALIASES: envInteger(0, 10_000).default(DEFAULT_QUERY_LIMITS.maxAliases),
  MAX_COST: envInteger(1, 100_000_000).default(DEFAULT_QUERY_LIMITS.maxCost),
  MAX_TOKENS: envInteger(10, 1_000_000).default(DEFAULT_QUERY_LIMITS.maxTokens),
  MAX_BODY_BYTES: envInteger(1, 100 * 1024 * 1024).default(DEFAULT_QUERY_LIMITS.maxBodyBytes),
  MAX_RESPONSE_BYTES: envInteger(1024, 1024 * 1024 * 1024).default(
    DEFAULT_QUERY_LIMITS.maxResponseBytes,
  ),
  REQUEST_TIME_BUDGET_MS: envInteger(100, 3_600_000).default(DEFAULT_QUERY_LIMITS.timeBudgetMs),
};

/** The limits from env values parsed with `queryLimitsEnv`. */
export function queryLimitsFromEnv(env: {
  MAX_DEPTH: number;
  MAX_ALIASES: number;
  MAX_COST: number;
  MAX_TOKENS: number;
  MAX_BODY_BYTES: number;
  MAX_RESPONSE_BYTES: number;
  REQUEST_TIME_BUDGET_MS: number;
}): QueryLimits {
  return {
    maxDepth: env.MAX_DEPTH,
    maxAliases: env.MAX_ALIASES,
    maxCost: env.MAX_COST,
    maxTokens: env.MAX_TOKENS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    maxResponseBytes: env.MAX_RESPONSE_BYTES,
    timeBudgetMs: env.REQUEST_TIME_BUDGET_MS,
  };
}
