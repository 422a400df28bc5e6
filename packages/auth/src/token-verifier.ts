import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { AuthError } from './auth-error.js';
import { heliClaimsSchema, type HeliClaims } from './claims.js';

export interface TokenVerifierConfig {
  /** Development: tokens signed with this shared secret (HS256). */
  hs256Secret?: string;
  /** Production: tokens signed by the identity provider whose public keys are served here (RS256). */
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

export type TokenVerifier = (token: string) => Promise<HeliClaims>;

/**
 * The longest a development (HS256) token may live, from `iat` to `exp`. Anyone holding the shared
 * secret can mint tokens, so none of them may be good for long; `signDevToken` issues 12 hours.
 */
export const DEV_TOKEN_MAX_LIFETIME_S = 12 * 60 * 60;

/**
 * Returns a function that verifies a JWT and yields its Heli claims, or throws an AuthError that
 * says why the token was refused. Exactly one of `hs256Secret` and `jwksUrl` must be given; each
 * accepts only its own algorithm, so an RS256 public key can never be misused as an HMAC secret.
 */
export function createTokenVerifier(config: TokenVerifierConfig): TokenVerifier {
  const { hs256Secret, jwksUrl, issuer, audience } = config;
  if ((hs256Secret === undefined) === (jwksUrl === undefined)) {
    throw new Error('createTokenVerifier needs exactly one of hs256Secret and jwksUrl');
  }
  const verifyJwt = (() => {
    if (hs256Secret !== undefined) {
      // Imported once: handing jose the raw bytes would import the HMAC key on every check.
      const key = crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(hs256Secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      return async (token: string) => {
        const verified = await jwtVerify(token, await key, {
          issuer,
          audience,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'iat'],
        });
        const { exp, iat } = verified.payload as { exp: number; iat: number };
        if (exp - iat > DEV_TOKEN_MAX_LIFETIME_S) throw new DevTokenTooLong();
        return verified;
      };
    }
    // Fetched on first use and cached by jose; refetched when a token names an unknown key id.
    const keySet = createRemoteJWKSet(new URL(jwksUrl!));
    return (token: string) =>
      jwtVerify(token, keySet, {
        issuer,
        audience,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
      });
  })();

  return async (token) => {
    if (token.trim() === '') throw new AuthError('MISSING_TOKEN', 'Authentication required');
    let payload: unknown;
    try {
      payload = (await verifyJwt(token)).payload;
    } catch (error) {
      throw authErrorFrom(error, jwksUrl !== undefined);
    }
    const claims = heliClaimsSchema.safeParse(payload);
    if (!claims.success) {
      const fields = [...new Set(claims.error.issues.map((i) => i.path.join('.') || '(token)'))];
      throw new AuthError('INVALID_CLAIMS', `The token's claims are invalid: ${fields.join(', ')}`);
    }
    return claims.data;
  };
}

class DevTokenTooLong extends Error {}

function authErrorFrom(error: unknown, usesRemoteKeys: boolean): AuthError {
  if (error instanceof DevTokenTooLong) {
    return new AuthError(
      'INVALID_CLAIMS',
      `The token lives longer than development tokens may (${DEV_TOKEN_MAX_LIFETIME_S / 3600} h)`,
    );
  }
  if (error instanceof errors.JWTExpired) {
    return new AuthError('EXPIRED', 'The token has expired; sign in again', { cause: error });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthError('INVALID_SIGNATURE', 'The token signature is invalid', { cause: error });
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') {
      return new AuthError('INVALID_CLAIMS', `The token has no "${error.claim}" claim`, {
        cause: error,
      });
    }
    const isIssuerOrAudience = error.claim === 'iss' || error.claim === 'aud';
    return isIssuerOrAudience
      ? new AuthError(
          'WRONG_ISSUER_OR_AUDIENCE',
          `The token was not issued for Heli (${error.claim})`,
          {
            cause: error,
          },
        )
      : new AuthError('INVALID_CLAIMS', `The token's "${error.claim}" claim is invalid`, {
          cause: error,
        });
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new AuthError('INVALID_SIGNATURE', 'The token was signed with an unknown key', {
      cause: error,
    });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new AuthError(
      'MALFORMED_TOKEN',
      'The token is signed with an algorithm Heli does not accept',
      {
        cause: error,
      },
    );
  }
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    (usesRemoteKeys && isJwksFetchFailure(error))
  ) {
    return new AuthError('KEYS_UNAVAILABLE', 'The signing keys could not be fetched', {
      cause: error,
    });
  }
  return new AuthError('MALFORMED_TOKEN', 'The token is not a valid JWT', { cause: error });
}

// A JWKS that cannot be fetched surfaces as a plain fetch TypeError (network) or as jose's generic
// error (non-200 answer, not JSON) rather than as a dedicated error class.
function isJwksFetchFailure(error: unknown): boolean {
  return (
    (error instanceof TypeError && /fetch/i.test(error.message)) ||
    (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')
  );
}
