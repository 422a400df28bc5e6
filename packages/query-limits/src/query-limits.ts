import { GraphQLError } from 'graphql';
import { envInteger } from '@heli/service-kit';
import type { QueryMeasurements } from './measure-operation.js';

/** The codes a request refused or stopped by a limit carries; they describe the caller's request. */
export const LIMIT_ERROR_CODES: ReadonlySet<string> = new Set([
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COSTLY',
  'REQUEST_TIME_BUDGET_EXCEEDED',
  'RESPONSE_TOO_LARGE',
]);

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

/**
 * The first limit the measurements break, as the error a client receives; undefined if within
 * limits. Introspection has a budget of its own, `introspectionBudget`: what one whole
 * introspection of the schema costs (GraphiQL's query), so an IDE can always load the schema while
 * aliased copies of `__schema` cannot multiply it.
 */
export function limitViolation(
  measured: QueryMeasurements,
  limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxCost'>,
  introspectionBudget = 0,
): GraphQLError | undefined {
  if (measured.depth > limits.maxDepth) {
    return rejection(
      `查询嵌套过深：${measured.depth} 层，上限为 ${limits.maxDepth} 层。请拆成几个较小的查询。`,
      'QUERY_TOO_DEEP',
      { depth: measured.depth, maxDepth: limits.maxDepth },
    );
  }
  if (measured.aliases > limits.maxAliases) {
    return rejection(
      `查询使用的别名过多：${measured.aliases} 个，上限为 ${limits.maxAliases} 个。`,
      'TOO_MANY_ALIASES',
      { aliases: measured.aliases, maxAliases: limits.maxAliases },
    );
  }
  if (measured.cost > limits.maxCost) {
    return rejection(
      `查询开销过大：估算为 ${measured.cost}，上限为 ${limits.maxCost}。请减小每页条数（first/limit）或减少嵌套的列表。`,
      'QUERY_TOO_COSTLY',
      { cost: measured.cost, maxCost: limits.maxCost },
    );
  }
  if (measured.introspectionCost > introspectionBudget) {
    return rejection(
      `查询的结构信息（内省）过多：估算为 ${measured.introspectionCost}，上限为一次完整内省的 ${introspectionBudget}。`,
      'QUERY_TOO_COSTLY',
      { introspectionCost: measured.introspectionCost, maxIntrospectionCost: introspectionBudget },
    );
  }
  return undefined;
}

function rejection(message: string, code: string, measured: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...measured, http: { status: 400 } } });
}
