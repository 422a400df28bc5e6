import { IntrospectAndCompose } from '@apollo/gateway';
import { signDevToken, type HeliClaims } from '@heli/auth';
import type { SubgraphEndpoint } from './subgraph-urls.js';

/**
 * Who the gateway is when it fetches the subgraphs' SDL: an identity with no roles and the lowest
 * clearance, good for `_service { sdl }` and nothing else.
 */
export const SCHEMA_FETCHER_CLAIMS: HeliClaims = {
  sub: 'heli-gateway',
  name: 'Heli gateway (schema fetch)',
  divisionId: null,
  officeId: 'heli-gateway',
  roles: [],
  clearance: 'PUBLIC',
};

/**
 * Development mode: composes the supergraph from the running subgraphs at start-up.
 *
 * Subgraphs refuse every unauthenticated request, `_service { sdl }` included, so the gateway signs
 * a short-lived token with the development HS256 secret for each fetch. This works for any running
 * subgraph (the real services as well as test fixtures) and needs no access to their source folders;
 * it is why SUBGRAPH_URLS requires JWT_SECRET. Production, where tokens come from an identity
 * provider the gateway cannot sign for, runs from a composed supergraph file instead.
 */
export function runningSubgraphsSource(
  subgraphs: readonly SubgraphEndpoint[],
  auth: { secret: string; issuer: string; audience: string },
): IntrospectAndCompose {
  return new IntrospectAndCompose({
    subgraphs: subgraphs.map(({ name, url }) => ({ name, url })),
    introspectionHeaders: async () => ({
      authorization: `Bearer ${await signDevToken(SCHEMA_FETCHER_CLAIMS, { ...auth, expiresIn: '1m' })}`,
    }),
  });
}
