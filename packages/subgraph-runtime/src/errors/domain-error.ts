import { GraphQLError } from 'graphql';
import type { PublicErrorCode } from './public-errors.js';

/**
 * Base class for the expected failures of a domain rule, so rules stay free of GraphQL and
 * still reach the client with a code and a readable message. Subclasses set `name`:
 *
 *   class DeadlineInPast extends DomainError {
 *     override readonly name = 'DeadlineInPast';
 *     constructor(deadline: Date) { super(`The deadline ${deadline.toISOString()} has passed`, { code: 'BAD_USER_INPUT' }); }
 *   }
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  readonly code: PublicErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    message: string,
    options: { code: PublicErrorCode; cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.details = options.details;
  }

  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, {
      originalError: this,
      extensions: { ...this.details, code: this.code },
    });
  }
}
