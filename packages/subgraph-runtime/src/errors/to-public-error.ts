import { GraphQLError } from 'graphql';
import mongoose from 'mongoose';
import { DomainError } from './domain-error.js';
import { isGraphQLError } from './graphql-error-shape.js';
import { isPublicErrorCode } from './public-errors.js';

const DUPLICATE_KEY = 11000;

/**
 * The client-facing form of an error a resolver threw, or `undefined` when the error is
 * unexpected and must be masked. Besides our own GraphQLErrors and DomainErrors, the failures
 * mongoose reports for bad input (validation, casts) and unique-index clashes are expected:
 * they are caused by what the client sent, and saying so helps the client fix it.
 */
export function toPublicError(error: unknown): GraphQLError | undefined {
  if (isGraphQLError(error)) {
    return isPublicErrorCode(error.extensions['code']) ? error : undefined;
  }
  if (error instanceof DomainError) return error.toGraphQLError();
  if (error instanceof mongoose.Error.ValidationError) {
    const fields = Object.keys(error.errors);
    const reasons = Object.values(error.errors).map((e) => e.message);
    return new GraphQLError(`Invalid input: ${reasons.join('; ')}`, {
      originalError: error,
      extensions: { code: 'BAD_USER_INPUT', fields },
    });
  }
  if (error instanceof mongoose.Error.CastError) {
    return new GraphQLError(`Invalid value for ${error.path}`, {
      originalError: error,
      extensions: { code: 'BAD_USER_INPUT', fields: [error.path] },
    });
  }
  if (isDuplicateKeyError(error)) {
    const fields = Object.keys(error.keyValue ?? error.keyPattern ?? {});
    const which = fields.length > 0 ? fields.join(', ') : 'key';
    return new GraphQLError(`A record with the same ${which} already exists`, {
      originalError: error,
      extensions: { code: 'CONFLICT', fields },
    });
  }
  return undefined;
}

interface DuplicateKeyError extends Error {
  code: typeof DUPLICATE_KEY;
  keyValue?: Record<string, unknown>;
  keyPattern?: Record<string, unknown>;
}

// Driver errors (MongoServerError, MongoBulkWriteError, ...) share no class worth relying on
// across driver versions; the numeric server code is the stable part.
/** Whether MongoDB refused a write for a unique index (E11000). */
export function isDuplicateKeyError(error: unknown): error is DuplicateKeyError {
  return (
    error instanceof Error &&
    error.name.startsWith('Mongo') &&
    (error as { code?: unknown }).code === DUPLICATE_KEY
  );
}
