import { GraphQLError } from 'graphql';

/**
 * The error codes a client may see. Anything that does not carry one of these codes is an
 * unexpected failure and is masked by `createErrorFormatter` before it leaves the subgraph.
 */
export const PUBLIC_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
] as const;
export type PublicErrorCode = (typeof PUBLIC_ERROR_CODES)[number];

export function isPublicErrorCode(code: unknown): code is PublicErrorCode {
  return typeof code === 'string' && (PUBLIC_ERROR_CODES as readonly string[]).includes(code);
}

/** The input cannot be accepted as given; `details` says which parts, e.g. `{ fields: ['name'] }`. */
export function badInput(message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code: 'BAD_USER_INPUT' } });
}

/** `what` names the missing thing for a person, in Chinese: `notFound('处室“div-7”')` → 未找到处室“div-7”. */
export function notFound(what: string): GraphQLError {
  return new GraphQLError(`未找到${what}`, { extensions: { code: 'NOT_FOUND' } });
}

export function forbidden(message = 'You are not allowed to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT' } });
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Authentication required: send a valid bearer token', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}
