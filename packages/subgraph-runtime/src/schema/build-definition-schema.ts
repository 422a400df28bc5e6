import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDefinition } from '../define-subgraph.js';
import { mergeTypeDefs } from './merge-type-defs.js';
import { mergeResolverMaps, type GraphQLResolverMap } from './resolver-map.js';

/**
 * The federated schema of a subgraph definition, resolvers attached. A mistake in the SDL or the
 * resolvers fails here, before anything is connected.
 */
export function buildDefinitionSchema(
  definition: Pick<SubgraphDefinition, 'typeDefs' | 'resolvers'>,
): GraphQLSchema {
  return buildSubgraphSchema([
    {
      typeDefs: mergeTypeDefs(definition.typeDefs),
      // The union of map types is only for authors; at run time each is an object per type.
      resolvers: mergeResolverMaps(definition.resolvers as GraphQLResolverMap<unknown>[]),
    },
  ]);
}
