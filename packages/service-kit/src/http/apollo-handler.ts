import type { IncomingMessage } from 'node:http';
import {
  HeaderMap,
  type ApolloServer,
  type BaseContext,
  type HTTPGraphQLRequest,
} from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestScope, RouteHandler } from './create-http-server.js';
import { sendJson } from './send-json.js';

export interface GraphqlHandlerOptions<TContext extends BaseContext> {
  /** Builds the per-request context (verify the token, create DataLoaders, ...). */
  context: (req: IncomingMessage, scope: RequestScope) => Promise<TContext>;
  /** Bounds on the answer; `httpResponseLimits` in @heli/query-limits builds them from the limits. */
  limits?: ResponseLimits;
}

/** How large and how late an answer may be, and the errors sent instead when it is not. */
export interface ResponseLimits {
  maxResponseBytes: number;
  timeBudgetMs: number;
  tooLarge: () => GraphQLFormattedError;
  overBudget: () => GraphQLFormattedError;
}

/**
 * Serves a started Apollo Server on a `createHttpServer` route — the same translation Apollo's own
 * standalone and Express integrations do, without Express: node request to `HTTPGraphQLRequest`,
 * `HTTPGraphQLResponse` (complete, or chunked for incremental delivery) back to the node response.
 * The body arrives already read and size-checked by the HTTP server.
 */
export function graphqlHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  { context, limits }: GraphqlHandlerOptions<TContext>,
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
    const execution = server.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => context(req, scope),
    });
    const response = limits ? await withinBudget(execution, limits.timeBudgetMs) : await execution;
    if (response === OVER_BUDGET) {
      // The work goes on until its resolvers notice the deadline; the caller is answered now.
      sendJson(res, 503, { errors: [limits!.overBudget()] });
      return;
    }

    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      if (limits && isOver(response.body.string, limits.maxResponseBytes)) {
        sendJson(res, 200, { errors: [limits.tooLarge()] });
        return;
      }
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

const OVER_BUDGET = Symbol('over budget');

async function withinBudget<T>(
  work: Promise<T>,
  budgetMs: number,
): Promise<T | typeof OVER_BUDGET> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof OVER_BUDGET>((resolve) => {
    timer = setTimeout(() => resolve(OVER_BUDGET), budgetMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether a string's UTF-8 form is longer than `maxBytes`, without encoding it when length settles it. */
function isOver(body: string, maxBytes: number): boolean {
  if (body.length > maxBytes) return true;
  if (body.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(body, 'utf8') > maxBytes;
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
