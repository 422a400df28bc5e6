import type { IncomingMessage } from 'node:http';
import {
  HeaderMap,
  type ApolloServer,
  type BaseContext,
  type HTTPGraphQLRequest,
} from '@apollo/server';
import type { RequestScope, RouteHandler } from './create-http-server.js';
import { sendJson } from './send-json.js';

export interface GraphqlHandlerOptions<TContext extends BaseContext> {
  /** Builds the per-request context (verify the token, create DataLoaders, ...). */
  context: (req: IncomingMessage, scope: RequestScope) => Promise<TContext>;
}

/**
 * Serves a started Apollo Server on a `createHttpServer` route — the same translation Apollo's own
 * standalone and Express integrations do, without Express: node request to `HTTPGraphQLRequest`,
 * `HTTPGraphQLResponse` (complete, or chunked for incremental delivery) back to the node response.
 * The body arrives already read and size-checked by the HTTP server.
 */
export function graphqlHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  { context }: GraphqlHandlerOptions<TContext>,
): RouteHandler {
  return async (req, res, scope) => {
    let body: unknown;
    try {
      body = parseJsonBody(req, scope.body);
    } catch {
      sendJson(res, 400, {
        errors: [
          { message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
        ],
      });
      return;
    }

    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers: headerMapOf(req),
      search: searchOf(req.url ?? ''),
      body,
    };
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => context(req, scope),
    });

    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) {
      if (res.destroyed) break;
      res.write(chunk);
    }
    res.end();
  };
}

// Apollo decides what to do with non-JSON bodies (and rejects them for CSRF reasons), so only
// JSON is parsed; anything else is passed on as absent.
function parseJsonBody(req: IncomingMessage, raw: Buffer): unknown {
  const contentType = req.headers['content-type'] ?? '';
  if (raw.length === 0 || !/json/i.test(contentType)) return undefined;
  return JSON.parse(raw.toString('utf8'));
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    // Node lower-cases names; multi-valued headers are joined as the Fetch API's Headers does.
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function searchOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? '' : url.slice(queryAt);
}
