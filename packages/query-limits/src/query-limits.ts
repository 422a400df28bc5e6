import { GraphQLError } from 'graphql';
import type { QueryMeasurements } from './measure-operation.js';
import type { QueryLimits } from './query-limits-env.js';

/** The codes a request refused or stopped by a limit carries; they describe the caller's request. */
export const LIMIT_ERROR_CODES: ReadonlySet<string> = new Set([
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COSTLY',
  'REQUEST_TIME_BUDGET_EXCEEDED',
  'RESPONSE_TOO_LARGE',
]);

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
