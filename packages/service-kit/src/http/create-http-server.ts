import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { httpRequestDuration, metricsText, withServerSpan } from '@heli/telemetry';
import type { Logger } from '../logging/create-logger.js';
import {
  REQUEST_ID_HEADER,
  requestIdFrom,
  runWithRequestContext,
} from '../request-context/request-context.js';
import { BodyTooLargeError, hasBody, readBody } from './read-body.js';
import { readinessTransitionLog, runReadinessChecks, type ReadinessCheck } from './readiness.js';
import { sendJson } from './send-json.js';

/** What the server has already worked out about a request before its handler runs. */
export interface RequestScope {
  requestId: string;
  /** The complete request body (empty when there is none), already checked against the limit. */
  body: Buffer;
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  scope: RequestScope,
) => Promise<void> | void;

export interface HttpServerOptions {
  logger: Logger;
  /** Larger request bodies are refused with 413 before any handler runs. */
  bodyLimitBytes: number;
  /** Handlers by exact path (query string ignored). `/health` and `/ready` may be overridden. */
  routes?: Record<string, RouteHandler>;
  /** The GraphQL endpoint, e.g. `{ path: '/graphql', handle: graphqlHandler(apollo, ...) }`. */
  graphql?: { path: string; handle: RouteHandler };
  /** What `/ready` verifies, e.g. MongoDB and NATS reachable. */
  readinessChecks?: readonly ReadinessCheck[];
  /** How long `/ready` waits for each check. Default 2000 ms. */
  readinessTimeoutMs?: number;
  /** Handles every path without a route; without it such requests get a JSON 404. */
  fallback?: RouteHandler;
}

// Probes and scrapes hit these every few seconds; logging them at info level would drown everything else.
const PROBE_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * A plain node:http server with what every Heli deployable needs: request ids (taken from
 * `x-request-id` or created, echoed back, and set as the request context while the handler runs),
 * a body size limit, `/health` (the process is alive) and `/ready` (its dependencies answer).
 * It does not listen; the caller decides the port, so tests can use port 0.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const { logger, bodyLimitBytes, readinessChecks = [], readinessTimeoutMs = 2000 } = options;

  const logReadiness = readinessTransitionLog(logger);
  const routes: Record<string, RouteHandler> = {
    '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/ready': async (_req, res) => {
      const report = await runReadinessChecks(readinessChecks, readinessTimeoutMs);
      logReadiness(report);
      sendJson(res, report.ready ? 200 : 503, {
        status: report.ready ? 'ready' : 'not ready',
        checks: report.checks,
      });
    },
    '/metrics': async (_req, res) => {
      const { contentType, body } = await metricsText();
      res.writeHead(200, { 'content-type': contentType }).end(body);
    },
    ...options.routes,
    ...(options.graphql ? { [options.graphql.path]: options.graphql.handle } : {}),
  };
  const notFound: RouteHandler = (req, res) =>
    sendJson(res, 404, { error: `no route for ${req.method} ${pathOf(req)}` });

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const path = pathOf(req);
    const startedAt = process.hrtime.bigint();
    res.once('close', () => {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      // Unknown paths share one label, so a scanner cannot grow the series without bound.
      const route = path in routes ? path : 'other';
      httpRequestDuration.observe(
        { route, method: req.method ?? 'OTHER', status: String(res.statusCode) },
        durationMs / 1000,
      );
      const entry = { method: req.method, path, status: res.statusCode, durationMs };
      if (PROBE_PATHS.has(path)) logger.debug(entry, 'request');
      else logger.info(entry, 'request');
    });

    let body: Buffer;
    try {
      body = hasBody(req) ? await readBody(req, bodyLimitBytes) : Buffer.alloc(0);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      // The rest of the upload is not worth reading; close the connection after answering.
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: error.message, requestId });
      return;
    }

    const handler = routes[path] ?? options.fallback ?? notFound;
    await handler(req, res, { requestId, body });
  }

  return createServer((req, res) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    runWithRequestContext({ requestId }, () => {
      // A span per request, continuing the caller's trace (W3C traceparent) when there is one.
      const path = pathOf(req);
      withServerSpan(
        `${req.method} ${path in routes ? path : 'other'}`,
        req.headers,
        {
          'http.request.method': req.method ?? 'OTHER',
          'url.path': path,
          'heli.request_id': requestId,
        },
        async (span) => {
          await handle(req, res, requestId);
          span.setAttribute('http.response.status_code', res.statusCode);
        },
      ).catch((error: unknown) => {
        if (!req.complete && req.destroyed) {
          // The client went away mid-upload; nobody is left to answer.
          logger.info({ path: pathOf(req) }, 'request aborted by the client');
          return;
        }
        logger.error({ err: error }, 'request handler failed');
        if (res.headersSent) res.destroy();
        else sendJson(res, 500, { error: 'internal server error', requestId });
      });
    });
  });
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}
