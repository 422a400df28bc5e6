import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The header carrying the gateway's signature of a subgraph request. */
export const GATEWAY_SIGNATURE_HEADER = 'x-heli-gateway-signature';

/** How far a signature's time may be from the subgraph's clock: a captured one is soon useless. */
export const GATEWAY_SIGNATURE_MAX_SKEW_MS = 60_000;

const MIN_SECRET_LENGTH = 32;

/**
 * The secret the gateway signs subgraph requests with and subgraphs check them against. Set on a
 * subgraph, it admits only requests the gateway signed (gateway-only access); unset, the subgraph
 * accepts any caller with a valid token (development, tests).
 */
export const gatewaySignatureEnv = {
  GATEWAY_SIGNING_SECRET: z
    .string()
    .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`)
    .optional(),
};

/**
 * `<unix ms>.<base64url HMAC-SHA256 of "<unix ms>." + body>`: binds the signature to the exact
 * body and to a time, so it cannot be replayed with another query or much later.
 */
export function signGatewayRequest(
  secret: string,
  body: string | Uint8Array,
  now = Date.now(),
): string {
  return `${now}.${mac(secret, now, body)}`;
}

/** Whether `header` is the gateway's signature of `body`, made within the allowed skew of `now`. */
export function isGatewaySigned(
  secret: string,
  header: string | undefined,
  body: string | Uint8Array,
  now = Date.now(),
): boolean {
  if (header === undefined) return false;
  const dot = header.indexOf('.');
  if (dot <= 0) return false;
  const time = Number(header.slice(0, dot));
  if (!Number.isSafeInteger(time) || Math.abs(now - time) > GATEWAY_SIGNATURE_MAX_SKEW_MS) {
    return false;
  }
  const given = Buffer.from(header.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(secret, time, body), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function mac(secret: string, time: number, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${time}.`).update(body).digest('base64url');
}
