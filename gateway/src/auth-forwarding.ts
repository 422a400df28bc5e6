import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { HeliClaims } from '@heli/auth';
import { REQUEST_ID_HEADER } from '@heli/service-kit';
import { injectTraceContext } from '@heli/telemetry';

/** What the gateway knows about a request once its token has been verified. */
export interface GatewayContext {
  /** The caller's token exactly as received; every subgraph verifies it again. */
  token: string;
  viewer: HeliClaims;
  requestId: string;
}

/**
 * Sends each subgraph fetch with the caller's own `authorization` and the request id, so the
 * subgraph applies the caller's identity and clearance (the gateway grants nothing by itself) and
 * its logs and events carry the same request id (and trace) as the gateway's.
 */
export class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Schema loading and health checks carry no caller (and no incoming request); their headers
    // are set where they are made. (@apollo/gateway does not export the request-kind enum.)
    if (!('incomingRequestContext' in options)) return;
    const headers = options.request.http?.headers;
    if (!headers) return;
    headers.set('authorization', `Bearer ${options.context.token}`);
    headers.set(REQUEST_ID_HEADER, options.context.requestId);
    // W3C traceparent: the subgraph's span joins this request's trace.
    injectTraceContext((name, value) => headers.set(name, value));
  }

  /**
   * A subgraph answers HTTP 400 when it refuses an argument before any resolver runs — a custom
   * scalar such as DateTime, which the gateway cannot check itself. Apollo would turn that into
   * "400: Bad Request", masked as an internal error; the caller should read the subgraph's own
   * BAD_USER_INPUT message instead. Any other failed response stays as Apollo reports it.
   */
  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0],
  ): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const refused = badUserInput(error.extensions['response']);
    return response.status === 400 && refused
      ? new GraphQLError(refused, { extensions: { code: 'BAD_USER_INPUT' } })
      : error;
  }
}

/** The message of a subgraph's 400 body whose every error is BAD_USER_INPUT, if it is one. */
function badUserInput(response: unknown): string | undefined {
  const errors = (response as { body?: { errors?: unknown } } | undefined)?.body?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const all = errors as { message?: unknown; extensions?: { code?: unknown } }[];
  if (!all.every((e) => e.extensions?.code === 'BAD_USER_INPUT' && typeof e.message === 'string')) {
    return undefined;
  }
  return all.map((e) => e.message as string).join('; ');
}
