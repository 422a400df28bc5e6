import { describe, expect, it } from 'vitest';
import { AUTOMATIC_SIGN_IN_INTERVAL_MS, mayRedirectAutomatically } from './automatic-sign-in';
import { isLoopbackHttp, parsePendingSignIn } from './oidc-sign-in';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const pending = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/documents/d-1' };

describe('the pending sign-in kept across the trip to the provider', () => {
  it('given one this tab stored, when read back, then it is whole', () => {
    expect(parsePendingSignIn(JSON.stringify(pending))).toEqual(pending);
  });

  it('given a return path pointing elsewhere, when read back, then it returns to the 工作台', () => {
    const tampered = { ...pending, returnTo: '//evil.example/' };
    expect(parsePendingSignIn(JSON.stringify(tampered))?.returnTo).toBe('/');
  });

  it.each([[null], ['not json'], [JSON.stringify({ ...pending, nonce: '' })], ['[]']])(
    'given %j, when read back, then there is none',
    (stored) => {
      expect(parsePendingSignIn(stored)).toBeUndefined();
    },
  );
});

describe('going back to the provider by itself after an expiry', () => {
  it('given none lately, then it goes, and not again within the interval, and again after it', () => {
    const storage = memoryStorage();
    const start = 1_800_000_000_000;
    expect(mayRedirectAutomatically(storage, start)).toBe(true);
    expect(mayRedirectAutomatically(storage, start + AUTOMATIC_SIGN_IN_INTERVAL_MS - 1)).toBe(
      false,
    );
    expect(mayRedirectAutomatically(storage, start + AUTOMATIC_SIGN_IN_INTERVAL_MS)).toBe(true);
  });
});

describe('plain http to the provider', () => {
  it.each([
    ['http://127.0.0.1:8080', true],
    ['http://localhost:8080/realms/heli', true],
    ['http://idp.example.gov.cn', false],
    ['https://idp.example.gov.cn', false],
  ])('given %s, then allowed: %s', (issuer, allowed) => {
    expect(isLoopbackHttp(issuer)).toBe(allowed);
  });
});
