import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** What went wrong, as the console tells it apart: each has its own page or banner. */
export type FailureKind = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'OFFLINE' | 'OTHER';

export interface Failure {
  kind: FailureKind;
  /** The readable message the subgraphs produce (Chinese), or the console's own. */
  message: string;
}

/** Reads an Apollo error (GraphQL errors, HTTP status, lost connection) into one Failure. */
export function describeFailure(error: unknown): Failure {
  if (CombinedGraphQLErrors.is(error)) {
    const codes = error.errors.map((e) => e.extensions?.['code']);
    const message = [...new Set(error.errors.map((e) => e.message))].join('；');
    if (codes.includes('UNAUTHENTICATED'))
      return { kind: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' };
    if (codes.includes('FORBIDDEN')) return { kind: 'FORBIDDEN', message };
    if (codes.includes('NOT_FOUND')) return { kind: 'NOT_FOUND', message };
    return { kind: 'OTHER', message };
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401)
      return { kind: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' };
    return { kind: 'OTHER', message: `服务器暂时无法处理请求（${error.statusCode}），请稍后再试` };
  }
  if (error instanceof TypeError || (error instanceof Error && error.name === 'TypeError')) {
    return { kind: 'OFFLINE', message: '与服务器的连接已断开，正在重试…' };
  }
  return { kind: 'OTHER', message: error instanceof Error ? error.message : String(error) };
}
