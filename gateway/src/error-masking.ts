import type { GraphQLFormattedError } from 'graphql';
import { LIMIT_ERROR_CODES } from '@heli/query-limits';

/** Codes a subgraph uses for failures the caller caused or may know about; their messages are written for people. */
export const SUBGRAPH_CODES_SHOWN_TO_CLIENTS: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
  // A subgraph out of time for this request says so; the caller can ask for less.
  'REQUEST_TIME_BUDGET_EXCEEDED',
]);

/**
 * Codes the gateway itself raises about the request it received. They only pass when the gateway
 * raised them: the same code coming back from a subgraph (e.g. GRAPHQL_VALIDATION_FAILED because
 * a subgraph and the supergraph disagree) is an internal fault, not the caller's.
 */
export const GATEWAY_CODES_SHOWN_TO_CLIENTS: ReadonlySet<string> = new Set([
  ...SUBGRAPH_CODES_SHOWN_TO_CLIENTS,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ...LIMIT_ERROR_CODES,
]);

/** Extensions that describe the system's inside rather than the caller's request. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'serviceName'] as const;

export const MASKED_MESSAGE = 'Internal server error';

/**
 * Builds Apollo Server's `formatError`: errors the caller can act on pass through (without stack
 * traces or the name of the subgraph that raised them); everything else becomes
 * 'Internal server error' carrying the request id, so a support call can find the full error in
 * the logs. `logInternal` receives the original of every masked error.
 */
export function createErrorMasker(opts: {
  requestId: () => string | undefined;
  logInternal: (error: unknown, formatted: GraphQLFormattedError) => void;
}): (formatted: GraphQLFormattedError, original: unknown) => GraphQLFormattedError {
  return (formatted, original) => {
    if (isShownToClients(formatted)) return withoutInternalExtensions(formatted);
    opts.logInternal(original, formatted);
    const requestId = opts.requestId();
    return {
      message: MASKED_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}

function isShownToClients(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.code;
  if (typeof code !== 'string') return false;
  const fromSubgraph = typeof formatted.extensions?.serviceName === 'string';
  return (fromSubgraph ? SUBGRAPH_CODES_SHOWN_TO_CLIENTS : GATEWAY_CODES_SHOWN_TO_CLIENTS).has(
    code,
  );
}

function withoutInternalExtensions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { ...formatted.extensions };
  for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
  return { ...formatted, extensions };
}
