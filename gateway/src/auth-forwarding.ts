import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { HeliClaims } from '@heli/auth';
import { REQUEST_ID_HEADER } from '@heli/service-kit';

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
 * its logs and events carry the same request id as the gateway's.
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
  }
}
