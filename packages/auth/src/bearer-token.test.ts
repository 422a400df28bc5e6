import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error.js';
import { bearerToken } from './bearer-token.js';

describe('bearerToken', () => {
  it('takes the token from a Bearer header, whatever the scheme case', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  abc.def.ghi ')).toBe('abc.def.ghi');
  });

  it('reports a missing header as MISSING_TOKEN', () => {
    expect(() => bearerToken(undefined)).toThrow(AuthError);
    expect(() => bearerToken('')).toThrow(expect.objectContaining({ failure: 'MISSING_TOKEN' }));
  });

  it('reports another scheme as MALFORMED_TOKEN', () => {
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(
      expect.objectContaining({ failure: 'MALFORMED_TOKEN' }),
    );
  });
});
