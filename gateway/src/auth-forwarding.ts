import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { HeliClaims } from '@heli/auth';
import { REQUEST_ID_HEADER } from '@heli/service-kit';
import { injectTraceContext } from '@heli/telemetry';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

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
 *
 * A query plan's fetches are sent here directly rather than through RemoteGraphQLDataSource's own
 * `process`, which per fetch builds node-fetch `Headers`, a node-fetch `Request` (parsing the URL)
 * that only its error hooks would see, and a plain copy of those headers, then reads the answer's
 * `cache-control` for a cache policy the gateway does not keep (subgraphs send no cache hints; the
 * cache-control plugin is off). Same request on the wire: `content-type`, `authorization`, the
 * request id and any trace context, a body of `{query, variables, operationName}` — the query first,
 * which inflight-dedup.ts relies on. Schema loading and health checks (no caller, no incoming
 * request) take Apollo's own path.
 */
export class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    // (@apollo/gateway does not export the request-kind enum.)
    if (!('incomingRequestContext' in options)) return super.process(options);
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    // Apollo sets headers of its own only to ask for federated traces, which it does not here
    // (usage reporting is off); passed on should that change.
    if (request.http) for (const [name, value] of request.http.headers) headers[name] = value;
    Object.assign(headers, {
      'content-type': 'application/json',
      authorization: `Bearer ${context.token}`,
      [REQUEST_ID_HEADER]: context.requestId,
    });
    // W3C traceparent: the subgraph's span joins this request's trace.
    injectTraceContext((name, value) => (headers[name] = value));
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    const response = await this.fetcher(this.url, { method: 'POST', headers, body });
    if (!response.ok) throw await this.errorFromResponse(response);
    const parsed = await this.parseBody(response);
    if (typeof parsed !== 'object' || parsed === null) {
      throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
    }
    return parsed as GatewayGraphQLResponse;
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
