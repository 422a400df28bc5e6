import { describe, expect, it } from 'vitest';
import { decodeClaims, loadSession, msUntilExpiry, saveSession, sessionFromToken } from './session';
import { MemoryStorage } from '../../test/memory-storage';

function fakeToken(claims: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;
}

const claims = {
  sub: 'staff-director',
  name: '王建国',
  divisionId: null,
  officeId: 'office-own',
  roles: ['OFFICE_LEADER'],
  clearance: 'SECRET',
  exp: 2_000_000_000,
};

describe('session', () => {
  it('given a JWT with Chinese claims, when decoded, then the claims come back intact', () => {
    expect(decodeClaims(fakeToken(claims))).toEqual(claims);
  });

  it('given something that is not a JWT, when decoded, then there is no session', () => {
    expect(decodeClaims('not-a-token')).toBeUndefined();
    expect(decodeClaims(fakeToken({ sub: 'x' }))).toBeUndefined();
  });

  it('given a stored session, when it is loaded before expiry, then it is returned', () => {
    const storage = new MemoryStorage();
    saveSession(sessionFromToken(fakeToken(claims))!, storage);
    expect(loadSession(storage, 1_000_000_000_000)?.claims.name).toBe('王建国');
  });

  it('given a stored session, when it is loaded in its last minute, then it is dropped', () => {
    const storage = new MemoryStorage();
    const session = sessionFromToken(fakeToken(claims))!;
    saveSession(session, storage);
    const now = claims.exp * 1000 - 30_000;
    expect(msUntilExpiry(session, now)).toBeLessThanOrEqual(0);
    expect(loadSession(storage, now)).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('given a session from the provider, when stored and loaded, then its id_token comes back, and a dev sign-in after it carries none', () => {
    const storage = new MemoryStorage();
    saveSession(sessionFromToken(fakeToken(claims), 'id-token-jwt')!, storage);
    expect(loadSession(storage, 1_000_000_000_000)?.idToken).toBe('id-token-jwt');
    saveSession(sessionFromToken(fakeToken(claims))!, storage);
    expect(loadSession(storage, 1_000_000_000_000)?.idToken).toBeUndefined();
  });

  it('given a provider session in its last minute, when loaded, then its id_token goes with it', () => {
    const storage = new MemoryStorage();
    saveSession(sessionFromToken(fakeToken(claims), 'id-token-jwt')!, storage);
    expect(loadSession(storage, claims.exp * 1000)).toBeUndefined();
    expect(storage.length).toBe(0);
  });
});
