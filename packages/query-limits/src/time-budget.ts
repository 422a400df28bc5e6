import { GraphQLError } from 'graphql';

export const TIME_BUDGET_EXCEEDED = 'REQUEST_TIME_BUDGET_EXCEEDED';

/** The error a request over its time budget ends with, wherever it is noticed. */
export function timeBudgetExceeded(budgetMs: number): GraphQLError {
  return new GraphQLError(
    `请求处理超时：超过 ${budgetMs} 毫秒的时间上限。请缩小查询范围（更少的条目或嵌套）后重试。`,
    { extensions: { code: TIME_BUDGET_EXCEEDED, timeBudgetMs: budgetMs, http: { status: 503 } } },
  );
}
