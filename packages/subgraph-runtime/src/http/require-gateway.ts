import { GATEWAY_SIGNATURE_HEADER, isGatewaySigned } from '@heli/auth';
import { sendJson, type Logger, type RouteHandler } from '@heli/service-kit';

/**
 * Gateway-only access: lets a request through to `next` only with the gateway's signature of its
 * exact body (see `signGatewayRequest` in @heli/auth), so a caller who reaches the subgraph's port
 * directly — with a valid token or not — gets nothing but 403. Checked first: an HMAC over the body
 * costs less than verifying the token.
 */
export function requireGateway(secret: string, logger: Logger, next: RouteHandler): RouteHandler {
  return async (req, res, scope) => {
    const signature = req.headers[GATEWAY_SIGNATURE_HEADER];
    if (!isGatewaySigned(secret, Array.isArray(signature) ? undefined : signature, scope.body)) {
      logger.warn({ remote: req.socket.remoteAddress }, 'request refused: not sent by the gateway');
      sendJson(res, 403, {
        errors: [
          {
            message: '此服务只接受经网关转发的请求 (gateway-only)',
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      return;
    }
    await next(req, res, scope);
  };
}
