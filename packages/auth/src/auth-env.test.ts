import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authEnv, authEnvRule, tokenVerifierConfig } from './auth-env.js';

const schema = z.object({ PORT: z.string(), ...authEnv }).check(authEnvRule);
const messages = (input: Record<string, string>) =>
  schema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('authEnv', () => {
  it('accepts a development secret with default issuer and audience', () => {
    const env = schema.parse({ PORT: '1', JWT_SECRET: 'a'.repeat(32) });

    expect(tokenVerifierConfig(env)).toEqual({
      hs256Secret: 'a'.repeat(32),
      issuer: 'heli',
      audience: 'heli',
    });
  });

  it('accepts a JWKS URL', () => {
    const env = schema.parse({
      PORT: '1',
      JWKS_URL: 'https://id.example/jwks',
      JWT_ISSUER: 'https://id.example',
    });

    expect(tokenVerifierConfig(env)).toEqual({
      jwksUrl: 'https://id.example/jwks',
      issuer: 'https://id.example',
      audience: 'heli',
    });
  });

  it('refuses a short secret', () => {
    expect(messages({ PORT: '1', JWT_SECRET: 'short' })).toEqual([
      'JWT_SECRET: must be at least 32 characters',
    ]);
  });

  it('refuses neither or both key sources, alongside other problems', () => {
    const rule =
      'set exactly one of JWT_SECRET (development, HS256) and JWKS_URL (production, RS256)';

    expect(messages({})).toEqual([expect.stringMatching(/^PORT: /), `: ${rule}`]);
    expect(
      messages({ PORT: '1', JWT_SECRET: 'a'.repeat(32), JWKS_URL: 'https://id.example/jwks' }),
    ).toEqual([`: ${rule}`]);
  });

  it('refuses a JWKS URL that is not http(s)', () => {
    expect(messages({ PORT: '1', JWKS_URL: 'file:///etc/keys' })).toEqual([
      'JWKS_URL: expected an http(s) URL',
    ]);
  });
});
