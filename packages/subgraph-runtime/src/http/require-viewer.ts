import type { ServerResponse } from 'node:http';
import { AuthError, bearerToken, type HeliClaims } from '@heli/auth';
import { sendJson, type Logger, type RouteHandler } from '@heli/service-kit';
import type { ViewerResolver } from './viewer-cache.js';

/**
 * Lets a request through to `next` only with a valid bearer token. The check runs before Apollo
 * sees the request, so an unauthenticated caller learns nothing about the schema — not even
 * through introspection — and gets a GraphQL-shaped 401 its client can read.
 */
export function requireViewer(
  resolveViewer: ViewerResolver,
  logger: Logger,
  next: (viewer: HeliClaims) => RouteHandler,
): RouteHandler {
  return async (req, res, scope) => {
    let viewer: HeliClaims | null;
    try {
      viewer = await resolveViewer(bearerToken(req.headers.authorization));
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (error.failure === 'KEYS_UNAVAILABLE') {
        logger.error({ err: error }, 'cannot verify tokens: signing keys unavailable');
        sendError(
          res,
          503,
          'Cannot verify credentials right now; try again later',
          'SERVICE_UNAVAILABLE',
        );
        return;
      }
      logger.info({ failure: error.failure }, 'request refused: not authenticated');
      res.setHeader('www-authenticate', 'Bearer');
      sendError(res, 401, authenticationRequired(error.message), 'UNAUTHENTICATED');
      return;
    }
    if (viewer === null) {
      logger.info('request refused: the account is no longer active');
      res.setHeader('www-authenticate', 'Bearer');
      sendError(
        res,
        401,
        'Authentication required: this account is no longer active (账号已停用)',
        'UNAUTHENTICATED',
      );
      return;
    }
    await next(viewer)(req, res, scope);
  };
}

function authenticationRequired(reason: string): string {
  return reason.startsWith('Authentication required')
    ? reason
    : `Authentication required: ${reason}`;
}

function sendError(res: ServerResponse, status: number, message: string, code: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}
