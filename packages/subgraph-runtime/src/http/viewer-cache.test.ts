import { AuthError, type HeliClaims } from '@heli/auth';
import { describe, expect, it } from 'vitest';
import { cachedViewerResolver } from './viewer-cache.js';

const CLAIMS: HeliClaims = {
  sub: 'staff-1',
  name: '李明',
  divisionId: 'div-1',
  officeId: 'office-1',
  roles: ['STAFF'],
  clearance: 'INTERNAL',
};

const IN_AN_HOUR = Math.floor(Date.now() / 1000) + 3600;

/** A token-shaped string whose payload carries `exp` (seconds), as `verify` would have checked. */
function token(name: string, expSeconds = IN_AN_HOUR): string {
  const payload = Buffer.from(JSON.stringify({ sub: name, exp: expSeconds })).toString('base64url');
  return `header.${payload}.${name}`;
}

/** A resolver over a directory the test edits, counting verifications and lookups. */
function setUp(ttlMs: number) {
  // lru-cache reads a start time of 0 as "never stored".
  let clock = 1_000_000;
  const inactive = new Set<string>();
  const calls = { verify: 0, lookup: 0 };
  const resolve = cachedViewerResolver(
    async (raw) => {
      calls.verify++;
      if (raw.endsWith('forged')) throw new AuthError('INVALID_SIGNATURE', 'bad signature');
      return { ...CLAIMS, sub: raw.split('.')[2]! };
    },
    async (viewer) => {
      calls.lookup++;
      await Promise.resolve();
      return inactive.has(viewer.sub) ? null : viewer;
    },
    { ttlMs, now: () => clock },
  );
  return { resolve, calls, inactive, advance: (ms: number) => (clock += ms) };
}

describe('cachedViewerResolver', () => {
  it('given one token used again within the time, verifies and looks it up once', async () => {
    const { resolve, calls, advance } = setUp(2000);
    expect((await resolve(token('staff-1')))?.sub).toBe('staff-1');
    advance(1500);
    expect((await resolve(token('staff-1')))?.sub).toBe('staff-1');
    expect(calls).toEqual({ verify: 1, lookup: 1 });
  });

  it('given concurrent requests with one token, shares one lookup', async () => {
    const { resolve, calls } = setUp(2000);
    const viewers = await Promise.all([1, 2, 3, 4].map(() => resolve(token('staff-1'))));
    expect(viewers.map((v) => v?.sub)).toEqual(['staff-1', 'staff-1', 'staff-1', 'staff-1']);
    expect(calls.lookup).toBe(1);
  });

  it('refuses a person deactivated meanwhile once the time has passed', async () => {
    const { resolve, inactive, advance } = setUp(2000);
    await resolve(token('staff-1'));
    inactive.add('staff-1');
    advance(2001);
    expect(await resolve(token('staff-1'))).toBeNull();
  });

  it('never remembers a token past its exp', async () => {
    const { resolve, calls, advance } = setUp(10_000);
    const shortLived = token('staff-1', Date.now() / 1000 + 1.5);
    await resolve(shortLived);
    advance(1600);
    await resolve(shortLived);
    expect(calls.verify).toBe(2);
  });

  it('does not remember a failed verification', async () => {
    const { resolve, calls } = setUp(2000);
    await expect(resolve(token('forged'))).rejects.toBeInstanceOf(AuthError);
    await expect(resolve(token('forged'))).rejects.toBeInstanceOf(AuthError);
    expect(calls.verify).toBe(2);
  });

  it('gives every request its own copy of the viewer', async () => {
    const { resolve } = setUp(2000);
    const first = (await resolve(token('staff-1')))!;
    first.roles.push('ADMIN');
    expect((await resolve(token('staff-1')))?.roles).toEqual(['STAFF']);
  });

  it('with time 0, resolves every request afresh', async () => {
    const { resolve, calls } = setUp(0);
    await resolve(token('staff-1'));
    await resolve(token('staff-1'));
    expect(calls).toEqual({ verify: 2, lookup: 2 });
  });
});
