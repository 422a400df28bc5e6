import type { GraphQLError } from 'graphql';

// graphql ships a CommonJS and an ES module build, and a process can end up with both (Node
// resolves `graphql` to one, a bundler or test runner to the other). Errors then cross between
// two GraphQLError classes and `instanceof` fails, so errors are recognised by their shape.

export function isGraphQLError(value: unknown): value is GraphQLError {
  return (
    value instanceof Error &&
    value.name === 'GraphQLError' &&
    typeof (value as { extensions?: unknown }).extensions === 'object'
  );
}

/** The error a resolver threw, from the located GraphQLError graphql-js wrapped it in. */
export function unwrapResolverError(error: unknown): unknown {
  if (isGraphQLError(error) && error.path && error.originalError) return error.originalError;
  return error;
}
