import { useQuery } from '@apollo/client/react';
import { CapabilitiesDocument } from '../generated/graphql';

export interface Capabilities {
  interaction: boolean;
  achievement: boolean;
  assessment: boolean;
}

/**
 * Which optional subgraphs the running supergraph has, read once from its schema (introspection
 * through the gateway) and cached: their menu entries and 工作台 cards hide when absent, so the
 * console keeps working on a smaller deployment. Undefined until known.
 */
export function useCapabilities(): Capabilities | undefined {
  const { data } = useQuery(CapabilitiesDocument, { fetchPolicy: 'cache-first' });
  if (!data) return undefined;
  return {
    interaction: Boolean(data.interaction),
    achievement: Boolean(data.achievement),
    assessment: Boolean(data.assessment),
  };
}
