import type { ClientOperations, RegistryState } from '../src/index.js';
import { composeSubgraphs, hashOf } from '../src/compose.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** Owns Division; `variant` changes it the ways a team might. */
export function catalogueSdl(
  variant:
    'base' | 'withNickname' | 'withoutName' | 'nameNullable' | 'requiredArg' | 'moreKinds' = 'base',
): string {
  const name = {
    base: 'name: String!',
    withNickname: 'name: String!\n    nickname: String',
    withoutName: '',
    nameNullable: 'name: String',
    requiredArg: 'name: String!',
    moreKinds: 'name: String!',
  }[variant];
  const divisionsArgs =
    variant === 'requiredArg' ? '(limit: Int!, officeId: ID!)' : '(limit: Int!)';
  return `${LINK}
  type Query {
    divisions${divisionsArgs}: [Division!]!
    division(id: ID!): Division
  }
  enum DivisionKind { SECRETARIAT RESEARCH ${variant === 'withoutName' ? '' : 'SUPERVISION'} ${variant === 'moreKinds' ? 'ARCHIVE' : ''} }
  type Division @key(fields: "id") {
    id: ID!
    ${name}
    kind: DivisionKind!
  }`;
}

/** Extends Division with a headcount. */
export function staffingSdl(variant: 'base' | 'clash' = 'base'): string {
  return `${LINK}
  type Division @key(fields: "id") {
    id: ID!
    headcount: Int!
    ${variant === 'clash' ? 'name: Int!' : ''}
  }`;
}

export const CATALOGUE_URL = 'http://127.0.0.1:1/graphql';
export const STAFFING_URL = 'http://127.0.0.1:2/graphql';

/** A registry state holding the base versions of both fixture subgraphs. */
export function baseState(): RegistryState {
  const subgraphs = [
    { name: 'catalogue', url: CATALOGUE_URL, sdl: catalogueSdl() },
    { name: 'staffing', url: STAFFING_URL, sdl: staffingSdl() },
  ];
  const composition = composeSubgraphs(subgraphs);
  if (!composition.ok) throw new Error(JSON.stringify(composition.errors));
  return {
    format: 1,
    subgraphs: subgraphs.map((s) => ({ ...s, version: '1', publishedAt: '2026-01-01T00:00:00Z' })),
    supergraphSdl: composition.supergraphSdl,
    hash: hashOf(composition.supergraphSdl),
    change: { subgraph: 'staffing', version: '1', kind: 'publish' },
    composedAt: '2026-01-01T00:00:00Z',
  };
}

/** The console's registered operations: one reads names, one reads headcounts. */
export const CONSOLE_OPERATIONS = `
  query DivisionNames { divisions(limit: 10) { id ...Named } }
  fragment Named on Division { name }
  query Headcounts($id: ID!) { division(id: $id) { headcount kind } }
`;

export function consoleClient(operations: ClientOperations['operations']): ClientOperations {
  return { client: 'console', operations, registeredAt: '2026-01-01T00:00:00Z' };
}
