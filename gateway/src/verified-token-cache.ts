import type { HeliClaims, TokenVerifier } from '@heli/auth';

export interface VerifiedTokenCacheOptions {
  /** Tokens remembered at most; the longest-remembered one is forgotten first. */
  maxEntries: number;
  /** How long a verification is trusted, at most; never past the token's own `exp`. */
  maxAgeMs: number;
  now?: () => number;
}

/**
 * A token's signature, issuer, audience, `nbf` and claims are checked by `verify` the first time
 * the gateway sees it; the exact same token string again within `maxAgeMs` — and before its `exp` —
 * gets the same claims without redoing the HMAC/RSA work, which profiled at an eighth of a gateway
 * worker's CPU (clients send one token with every request of a session).
 *
 * Nothing is accepted that `verify` would refuse: only tokens `verify` accepted are remembered,
 * keyed by the whole token (any changed byte is a different key), and a remembered token is refused
 * again from the instant its `exp` passes. A signing key withdrawn from the JWKS stays trusted for
 * up to `maxAgeMs`, which is within the ten minutes jose itself keeps a fetched key set.
 */
export function withVerifiedTokenCache(
  verify: TokenVerifier,
  { maxEntries, maxAgeMs, now = Date.now }: VerifiedTokenCacheOptions,
): TokenVerifier {
  const verified = new Map<string, { claims: HeliClaims; trustedUntil: number }>();
  return async (token) => {
    const remembered = verified.get(token);
    if (remembered) {
      if (now() < remembered.trustedUntil) return remembered.claims;
      verified.delete(token);
    }
    const claims = await verify(token);
    const verifiedAt = now();
    const expiresAt = expiryOf(token);
    const trustedUntil = Math.min(verifiedAt + maxAgeMs, expiresAt ?? Number.POSITIVE_INFINITY);
    if (verified.size >= maxEntries) {
      const oldest = verified.keys().next();
      if (!oldest.done) verified.delete(oldest.value);
    }
    // Shared by every request that presents this token, so nobody may change it.
    const shared = Object.freeze({ ...claims, roles: Object.freeze([...claims.roles]) });
    verified.set(token, { claims: shared as HeliClaims, trustedUntil });
    return shared as HeliClaims;
  };
}

/** The `exp` of a token `verify` has accepted, in milliseconds; undefined if it has none. */
function expiryOf(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
