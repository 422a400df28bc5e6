import { request, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER, sendJson, type RequestScope } from '@heli/service-kit';
import { z } from 'zod';

/** Where the console listens for its person's notifications, on the gateway's own origin. */
export const NOTIFICATION_STREAM_PATH = '/notifications/stream';

export const notificationStreamEnv = {
  /**
   * The notifications subgraph's base URL (`http://127.0.0.1:4007`); its Server-Sent Events
   * stream is relayed at the same path here, so the console needs no second origin. Unset: 404.
   */
  NOTIFICATIONS_URL: z.url({ protocol: /^https?$/ }).optional(),
};

export interface NotificationStreamProxy {
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    scope: RequestScope,
    authenticated: () => Promise<boolean>,
  ): Promise<void>;
  /** Ends every relayed stream, so the gateway's close need not wait for them. */
  closeAll(): void;
}

/**
 * Relays `GET /notifications/stream` to the notifications subgraph with the caller's token and
 * request id. The caller is authenticated here first, as for /graphql, so a stranger never
 * reaches the subgraph (which checks the token again itself).
 */
export function notificationStreamProxy(baseUrl: string | undefined): NotificationStreamProxy {
  const open = new Set<{ upstream: ClientRequest; res: ServerResponse }>();
  return {
    async handle(req, res, scope, authenticated) {
      if (baseUrl === undefined) {
        sendJson(res, 404, { error: 'notifications are not configured (NOTIFICATIONS_URL)' });
        return;
      }
      if (req.method !== 'GET') {
        res.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      if (!(await authenticated())) return;
      const upstream = request(new URL(NOTIFICATION_STREAM_PATH, baseUrl), {
        method: 'GET',
        headers: {
          authorization: req.headers.authorization ?? '',
          accept: 'text/event-stream',
          [REQUEST_ID_HEADER]: scope.requestId,
        },
      });
      const entry = { upstream, res };
      open.add(entry);
      const done = () => {
        open.delete(entry);
        upstream.destroy();
      };
      res.once('close', done);
      upstream.once('response', (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          'content-type': answer.headers['content-type'] ?? 'text/event-stream',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
        });
        res.flushHeaders();
        answer.pipe(res);
      });
      upstream.once('error', () => {
        if (!res.headersSent) {
          sendJson(res, 502, {
            errors: [
              {
                message: '通知服务暂时不可用',
                extensions: { code: 'SERVICE_UNAVAILABLE', requestId: scope.requestId },
              },
            ],
          });
        } else {
          res.end();
        }
        done();
      });
      upstream.end();
    },
    closeAll() {
      for (const { upstream, res } of open) {
        upstream.destroy();
        res.end();
      }
      open.clear();
    },
  };
}
