import type { HeliClaims } from '@heli/auth';
import type { SubgraphContext, SubgraphDefinition, SubgraphRuntime } from './define-subgraph.js';

export interface RequestIdentity {
  requestId: string;
  viewer: HeliClaims;
}

/**
 * The one place a request's GraphQL context is made. Loaders are created here, per request, so
 * their caches never leak data between callers with different clearances.
 */
export function createContext<TModels, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  runtime: SubgraphRuntime<TModels>,
  { requestId, viewer }: RequestIdentity,
): SubgraphContext<TLoaders, TModels> {
  const { conn, models, outbox, logger } = runtime;
  return {
    requestId,
    viewer,
    loaders: definition.createLoaders({ conn, models, viewer }),
    logger,
    conn,
    models,
    outbox,
  };
}
