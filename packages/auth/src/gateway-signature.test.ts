import { describe, expect, it } from 'vitest';
import {
  GATEWAY_SIGNATURE_MAX_SKEW_MS,
  isGatewaySigned,
  signGatewayRequest,
} from './gateway-signature.js';

const secret = 'a-gateway-signing-secret-of-32-chars!';
const body = '{"query":"{ me { id } }"}';
const now = 1_780_000_000_000;

describe('gateway request signatures', () => {
  it('accepts the signature the gateway made for this body, just now', () => {
    expect(isGatewaySigned(secret, signGatewayRequest(secret, body, now), body, now + 5)).toBe(
      true,
    );
    expect(
      isGatewaySigned(
        secret,
        signGatewayRequest(secret, Buffer.from(body), now),
        Buffer.from(body),
        now,
      ),
    ).toBe(true);
  });

  it('refuses a missing, malformed or forged signature', () => {
    expect(isGatewaySigned(secret, undefined, body, now)).toBe(false);
    expect(isGatewaySigned(secret, 'garbage', body, now)).toBe(false);
    expect(isGatewaySigned(secret, `${now}.AAAA`, body, now)).toBe(false);
    const other = signGatewayRequest('another-secret-another-secret-xxxx', body, now);
    expect(isGatewaySigned(secret, other, body, now)).toBe(false);
  });

  it('refuses a signature replayed with another body', () => {
    const signature = signGatewayRequest(secret, body, now);
    expect(
      isGatewaySigned(secret, signature, '{"query":"{ __schema { types { name } } }"}', now),
    ).toBe(false);
  });

  it('refuses a signature made too long ago or in the future', () => {
    const signature = signGatewayRequest(secret, body, now);
    expect(isGatewaySigned(secret, signature, body, now + GATEWAY_SIGNATURE_MAX_SKEW_MS + 1)).toBe(
      false,
    );
    expect(isGatewaySigned(secret, signature, body, now - GATEWAY_SIGNATURE_MAX_SKEW_MS - 1)).toBe(
      false,
    );
  });
});
