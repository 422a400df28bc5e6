import { byIdLoader, type LoaderScope } from '@heli/subgraph-runtime';
import type { LiaisonModels } from './models.js';

/** Per-request DataLoaders: a list of documents asks for its deliveries' messages in one query. */
export function createLiaisonLoaders({ models }: LoaderScope<LiaisonModels>) {
  return {
    document: byIdLoader(models.documents),
    outgoingMessage: byIdLoader(models.outgoingMessages),
  };
}

export type LiaisonLoaders = ReturnType<typeof createLiaisonLoaders>;
