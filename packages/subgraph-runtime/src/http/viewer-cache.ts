import { LRUCache } from 'lru-cache';
import type { HeliClaims, TokenVerifier } from '@heli/auth';

/** Who a bearer token stands for now: the verified claims as the service's records narrow them. */
export type ViewerResolver = (token: string) => Promise<HeliClaims | null>;

export interface ViewerCacheOptions {
  /** How long a resolved viewer is reused; 0 turns the cache off. Never past the token's `exp`. */
  ttlMs: number;
  /** Tokens remembered at most; the least recently used is forgotten first. */
  maxEntries?: number;
  /** Milliseconds, for tests; `performance.now()` by default (lru-cache's own clock). */
  now?: () => number;
}

/**
 * Verifies a token and looks its person up in the service's records (`currentViewer`) once per
 * `ttlMs`, not once per request: a client sends the same token with every request of a session,
 * and the lookup was a database command on every one of them. Concurrent requests with one token
 * share one lookup.
 *
 * What may be stale, and for how long: a person deactivated or given a lower clearance is refused
 * or narrowed within `ttlMs` (seconds), as the token itself is not withdrawn at once anyway.
 * Nothing is accepted that `verify` would refuse: only results of a successful verification are
 * kept, keyed by the whole token string, and never past the token's `exp`. A refusal
 * (`currentViewer` gave null) is remembered too, for the same time; a failed verification or
 * lookup is not remembered at all.
 */
export function cachedViewerResolver(
  verify: TokenVerifier,
  currentViewer: (viewer: HeliClaims) => Promise<HeliClaims | null>,
  { ttlMs, maxEntries = 10_000, now }: ViewerCacheOptions,
): ViewerResolver {
  const resolve = async (token: string) => currentViewer(await verify(token));
  if (ttlMs <= 0) return resolve;

  const cache = new LRUCache<string, { viewer: HeliClaims | null }>({
    max: maxEntries,
    ttl: ttlMs,
    ...(now && { perf: { now } }),
    fetchMethod: async (token, _stale, { options }) => {
      const viewer = await resolve(token);
      const expiresAt = expiryOf(token);
      if (expiresAt !== undefined) {
        // `ttl` is relative to lru-cache's clock; the token's `exp` is wall-clock time.
        options.ttl = Math.max(1, Math.min(ttlMs, expiresAt - Date.now()));
      }
      return { viewer };
    },
  });
  return async (token) => {
    const { viewer } = (await cache.fetch(token))!;
    // Each request gets its own copy: the cached one is shared by every request with this token.
    return viewer && { ...viewer, roles: [...viewer.roles] };
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
