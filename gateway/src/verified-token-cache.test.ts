import { AuthError, createTokenVerifier, signDevToken, type HeliClaims } from '@heli/auth';
import { describe, expect, it } from 'vitest';
import { withVerifiedTokenCache } from './verified-token-cache.js';

const CLAIMS: HeliClaims = {
  sub: 's1',
  name: '李明',
  divisionId: 'd1',
  officeId: 'o1',
  roles: ['STAFF'],
  clearance: 'INTERNAL',
};

/** A token-shaped string whose payload carries `exp` (seconds), as a verified JWT would. */
function tokenWith(payload: Record<string, unknown>, signature = 'sig'): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256' })}.${encode(payload)}.${signature}`;
}

/** A verifier that accepts every token except those listed, and counts its calls. */
function countingVerifier(refused: ReadonlySet<string> = new Set()) {
  const calls: string[] = [];
  const verify = async (token: string): Promise<HeliClaims> => {
    calls.push(token);
    if (refused.has(token))
      throw new AuthError('INVALID_SIGNATURE', 'The token signature is invalid');
    return { ...CLAIMS, roles: [...CLAIMS.roles] };
  };
  return { verify, calls };
}

function clock(startMs: number) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

const START_MS = 1_800_000_000_000;

describe('withVerifiedTokenCache', () => {
  it('given a token verified a moment ago, when it is presented again, then its claims come back without verifying it again', async () => {
    const { verify, calls } = countingVerifier();
    const time = clock(START_MS);
    const cached = withVerifiedTokenCache(verify, {
      maxEntries: 10,
      maxAgeMs: 60_000,
      now: time.now,
    });
    const token = tokenWith({ exp: START_MS / 1000 + 3600 });

    const first = await cached(token);
    time.advance(59_000);
    const second = await cached(token);

    expect(calls).toHaveLength(1);
    expect(second).toEqual(CLAIMS);
    expect(second).toBe(first);
  });

  it('given a remembered token whose exp has passed, when it is presented again, then it is verified again and refused as the verifier refuses it', async () => {
    const time = clock(START_MS);
    const token = tokenWith({ exp: START_MS / 1000 + 5 });
    let expired = false;
    const calls: string[] = [];
    const verify = async (candidate: string): Promise<HeliClaims> => {
      calls.push(candidate);
      if (expired) throw new AuthError('EXPIRED', 'The token has expired; sign in again');
      return CLAIMS;
    };
    const cached = withVerifiedTokenCache(verify, {
      maxEntries: 10,
      maxAgeMs: 60_000,
      now: time.now,
    });

    await cached(token);
    time.advance(4_999);
    await cached(token);
    expect(calls).toHaveLength(1);

    time.advance(1);
    expired = true;
    await expect(cached(token)).rejects.toMatchObject({ failure: 'EXPIRED' });
    expect(calls).toHaveLength(2);
  });

  it('given a token remembered for maxAgeMs, when it is presented again, then it is verified again', async () => {
    const { verify, calls } = countingVerifier();
    const time = clock(START_MS);
    const cached = withVerifiedTokenCache(verify, {
      maxEntries: 10,
      maxAgeMs: 60_000,
      now: time.now,
    });
    const token = tokenWith({ exp: START_MS / 1000 + 3600 });

    await cached(token);
    time.advance(60_000);
    await cached(token);

    expect(calls).toHaveLength(2);
  });

  it('given a token the verifier refuses, when it is presented twice, then it is refused both times by the verifier itself', async () => {
    const forged = tokenWith({ exp: START_MS / 1000 + 3600 }, 'forged');
    const { verify, calls } = countingVerifier(new Set([forged]));
    const cached = withVerifiedTokenCache(verify, {
      maxEntries: 10,
      maxAgeMs: 60_000,
      now: clock(START_MS).now,
    });

    await expect(cached(forged)).rejects.toBeInstanceOf(AuthError);
    await expect(cached(forged)).rejects.toBeInstanceOf(AuthError);
    expect(calls).toEqual([forged, forged]);
  });

  it('given a remembered token, when a token differing only in its signature is presented, then that token is verified on its own', async () => {
    const payload = { exp: START_MS / 1000 + 3600 };
    const genuine = tokenWith(payload, 'genuine');
    const tampered = tokenWith(payload, 'tampered');
    const { verify, calls } = countingVerifier(new Set([tampered]));
    const cached = withVerifiedTokenCache(verify, {
      maxEntries: 10,
      maxAgeMs: 60_000,
      now: clock(START_MS).now,
    });

    await cached(genuine);
    await expect(cached(tampered)).rejects.toMatchObject({ failure: 'INVALID_SIGNATURE' });
    expect(calls).toEqual([genuine, tampered]);
  });

  it('given maxEntries tokens remembered, when another is verified, then the longest-remembered one is forgotten', async () => {
    const { verify, calls } = countingVerifier();
    const cached = withVerifiedTokenCache(verify, {
      maxEntries: 2,
      maxAgeMs: 60_000,
      now: clock(START_MS).now,
    });
    const [a, b, c] = ['a', 'b', 'c'].map((sub) =>
      tokenWith({ sub, exp: START_MS / 1000 + 3600 }),
    ) as [string, string, string];

    await cached(a);
    await cached(b);
    await cached(c);
    await cached(b);
    await cached(c);
    await cached(a);

    expect(calls).toEqual([a, b, c, a]);
  });

  it('given remembered claims, when a caller tries to change them, then they stay as verified', async () => {
    const { verify } = countingVerifier();
    const cached = withVerifiedTokenCache(verify, {
      maxEntries: 10,
      maxAgeMs: 60_000,
      now: clock(START_MS).now,
    });
    const token = tokenWith({ exp: START_MS / 1000 + 3600 });
    const claims = await cached(token);

    expect(() => claims.roles.push('ADMIN')).toThrow(TypeError);
    expect(() => Object.assign(claims, { clearance: 'TOP_SECRET' })).toThrow(TypeError);
    expect(await cached(token)).toEqual(CLAIMS);
  });

  it('given the real verifier, when a signed token is presented twice and a forged one once, then the signed one passes twice and the forged one is refused', async () => {
    const config = {
      secret: 'a-test-secret-that-is-long-enough-0123456789',
      issuer: 'heli',
      audience: 'heli',
    };
    const cached = withVerifiedTokenCache(
      createTokenVerifier({
        hs256Secret: config.secret,
        issuer: config.issuer,
        audience: config.audience,
      }),
      { maxEntries: 10, maxAgeMs: 60_000 },
    );
    const token = await signDevToken(CLAIMS, config);
    const forged = await signDevToken(CLAIMS, {
      ...config,
      secret: 'another-secret-that-is-long-enough-9876543210',
    });

    expect(await cached(token)).toEqual(CLAIMS);
    expect(await cached(token)).toEqual(CLAIMS);
    await expect(cached(forged)).rejects.toMatchObject({ failure: 'INVALID_SIGNATURE' });
  });
});
