import { z } from 'zod';
import type { TokenVerifierConfig } from './token-verifier.js';

const MIN_SECRET_LENGTH = 32;

/**
 * Token verification settings; spread into a deployable's env schema and add `authEnvRule`:
 * `z.object({ ...commonEnv, ...authEnv }).check(authEnvRule)`.
 * JWT_SECRET (HS256) is for development; production sets JWKS_URL (RS256) instead.
 */
export const authEnv = {
  JWT_SECRET: z
    .string()
    .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`)
    .optional(),
  JWKS_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  JWT_ISSUER: z.string().default('heli'),
  JWT_AUDIENCE: z.string().default('heli'),
};

type AuthKeySource = { JWT_SECRET?: string | undefined; JWKS_URL?: string | undefined };

/**
 * A shape cannot carry a cross-field rule, so this check is added to the composed schema. It runs
 * even when other variables are already invalid, so this problem is reported with all the others.
 */
export const authEnvRule = z.superRefine<AuthKeySource>(
  (env, ctx) => {
    if ((env.JWT_SECRET === undefined) === (env.JWKS_URL === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'set exactly one of JWT_SECRET (development, HS256) and JWKS_URL (production, RS256)',
      });
    }
  },
  { when: () => true },
);

/** The verifier configuration from parsed env values. */
export function tokenVerifierConfig(env: {
  JWT_SECRET?: string | undefined;
  JWKS_URL?: string | undefined;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
}): TokenVerifierConfig {
  return {
    ...(env.JWT_SECRET !== undefined ? { hs256Secret: env.JWT_SECRET } : {}),
    ...(env.JWKS_URL !== undefined ? { jwksUrl: env.JWKS_URL } : {}),
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
  };
}
