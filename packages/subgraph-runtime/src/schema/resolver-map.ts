import { GraphQLScalarType } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';

export type { GraphQLResolverMap };

/**
 * A resolver map typed by graphql-codegen's `Resolvers` (federation `__resolveReference` takes
 * `(reference, context)`, which Apollo's own map type cannot express). The generated type does
 * the checking; this only says "an object per GraphQL type".
 */
export type GeneratedResolverMap = { readonly [typeName: string]: object | undefined };

/**
 * Joins the resolver maps of a subgraph's features. Two features resolving the same field is a
 * mistake (the later one would silently win), so it fails loudly and names the field.
 */
export function mergeResolverMaps<TContext>(
  maps: readonly GraphQLResolverMap<TContext>[],
): GraphQLResolverMap<TContext> {
  const merged: GraphQLResolverMap<TContext> = {};
  for (const map of maps) {
    for (const [typeName, typeResolvers] of Object.entries(map)) {
      const existing = merged[typeName];
      if (existing === undefined) {
        merged[typeName] =
          typeResolvers instanceof GraphQLScalarType ? typeResolvers : { ...typeResolvers };
        continue;
      }
      if (existing instanceof GraphQLScalarType || typeResolvers instanceof GraphQLScalarType) {
        throw new Error(`Scalar ${typeName} is resolved by more than one resolver map`);
      }
      for (const [field, resolver] of Object.entries(typeResolvers)) {
        if (field in existing) {
          throw new Error(`${typeName}.${field} is resolved by more than one resolver map`);
        }
        (existing as Record<string, unknown>)[field] = resolver;
      }
    }
  }
  return merged;
}
