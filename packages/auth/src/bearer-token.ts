import { AuthError } from './auth-error.js';

/** The token from an `Authorization: Bearer <token>` header; throws AuthError when absent. */
export function bearerToken(authorizationHeader: string | undefined): string {
  if (authorizationHeader === undefined || authorizationHeader.trim() === '') {
    throw new AuthError(
      'MISSING_TOKEN',
      'Authentication required: send Authorization: Bearer <token>',
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader.trim());
  if (!match?.[1]) {
    throw new AuthError(
      'MALFORMED_TOKEN',
      'The Authorization header must have the form "Bearer <token>"',
    );
  }
  return match[1];
}
