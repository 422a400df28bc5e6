import type { GraphQLFormattedError } from 'graphql';
import { LIMIT_ERROR_CODES } from '@heli/query-limits';
import { currentRequestId, type Logger } from '@heli/service-kit';
import { unwrapResolverError } from './graphql-error-shape.js';
import { toPublicError } from './to-public-error.js';

// Errors Apollo itself raises about the request (syntax, validation, variables) describe the
// client's mistake and are safe to show as they are. A variable of the wrong type comes as
// BAD_USER_INPUT from a `UserInputError`, which is no resolver's error (nothing to unwrap).
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * Apollo's `formatError`: expected failures (public codes, DomainErrors, mongoose validation
 * and duplicate-key errors) pass through with their code; anything else is logged with its stack
 * and replaced by a bare INTERNAL_SERVER_ERROR carrying the request id, so an operator can find
 * the log line while the client learns nothing about the internals.
 */
export function createErrorFormatter(logger: Logger) {
  return function formatError(
    formatted: GraphQLFormattedError,
    error: unknown,
  ): GraphQLFormattedError {
    const code = formatted.extensions?.['code'];
    if (isRefusedLiteral(code, error)) {
      return withoutStacktrace({
        ...formatted,
        extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' },
      });
    }
    const original = unwrapResolverError(error);
    // Raised by the limits (before execution, or in a resolver once the time budget is spent).
    if (typeof code === 'string' && LIMIT_ERROR_CODES.has(code))
      return withoutStacktrace(formatted);
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && original === error) {
      return withoutStacktrace(formatted);
    }
    const publicError = toPublicError(original);
    if (publicError) {
      return {
        message: publicError.message,
        ...(formatted.locations && { locations: formatted.locations }),
        ...(formatted.path && { path: formatted.path }),
        extensions: withoutStacktraceExtension(publicError.extensions),
      };
    }
    const requestId = currentRequestId();
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId && { requestId }) },
    };
  };
}

/**
 * A scalar refusing a value written into the query (`deadline: "tomorrow"`) surfaces as a
 * validation failure, though it is the caller's bad value like a bad variable; saying
 * BAD_USER_INPUT lets the gateway pass the scalar's message on instead of masking it.
 */
function isRefusedLiteral(code: unknown, error: unknown): boolean {
  const cause = (error as { originalError?: { extensions?: { code?: unknown } } } | null)
    ?.originalError;
  return code === 'GRAPHQL_VALIDATION_FAILED' && cause?.extensions?.code === 'BAD_USER_INPUT';
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return formatted.extensions
    ? { ...formatted, extensions: withoutStacktraceExtension(formatted.extensions) }
    : formatted;
}

function withoutStacktraceExtension(
  extensions: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const { stacktrace: _stacktrace, ...rest } = extensions;
  return rest;
}
