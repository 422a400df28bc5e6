import type { DocumentNode } from 'graphql';
import { mergeResolverMaps, type GraphQLResolverMap } from './resolver-map.js';
import { mergeTypeDefs } from './merge-type-defs.js';

export interface SubgraphModule<TContext = unknown> {
  typeDefs: DocumentNode;
  resolvers?: GraphQLResolverMap<TContext>;
}

/**
 * Turns a subgraph's feature modules into the single module `buildSubgraphSchema` accepts:
 * one document with one @link per spec (see `mergeTypeDefs`) and one resolver map.
 */
export function mergeSubgraphModules<TContext>(modules: readonly SubgraphModule<TContext>[]): {
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
} {
  return {
    typeDefs: mergeTypeDefs(modules.map((m) => m.typeDefs)),
    resolvers: mergeResolverMaps(modules.flatMap((m) => (m.resolvers ? [m.resolvers] : []))),
  };
}
