import { SignJWT } from 'jose';
import { heliClaimsSchema, type HeliClaims } from './claims.js';

/**
 * The HS256 secret `pnpm start` and the tests sign and verify development tokens with.
 * DEVELOPMENT ONLY: it is public, so anyone can mint any identity with it. Production deployments
 * set JWKS_URL (RS256 keys of the real identity provider) and never JWT_SECRET.
 */
export const DEV_JWT_SECRET = 'heli-development-only-secret-never-use-in-production';

export interface DevTokenConfig {
  secret: string;
  issuer: string;
  audience: string;
  /** A jose time span such as '12h' or '15m'; at most 12 hours (DEV_TOKEN_MAX_LIFETIME_S), or verifiers refuse it. */
  expiresIn?: string;
}

/** Signs an HS256 token for the given person, as the development identity provider would. */
export async function signDevToken(claims: HeliClaims, config: DevTokenConfig): Promise<string> {
  const { sub, ...rest } = heliClaimsSchema.parse(claims);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(config.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(config.secret));
}
