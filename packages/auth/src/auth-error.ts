export type AuthFailure =
  | 'MISSING_TOKEN'
  | 'MALFORMED_TOKEN'
  | 'EXPIRED'
  | 'INVALID_SIGNATURE'
  | 'WRONG_ISSUER_OR_AUDIENCE'
  | 'INVALID_CLAIMS'
  | 'KEYS_UNAVAILABLE';

/**
 * A request's credentials were not accepted. `failure` lets callers tell the cases apart (all of
 * them mean 401 except KEYS_UNAVAILABLE, which is our fault); the message is fit for the caller.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly failure: AuthFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
