import {
  buildClientSchema,
  getIntrospectionQuery,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsForStaff, demoDivisions } from '@heli/demo-data';
import { composeSupergraph } from '@heli/gateway/compose';
import { listSizeHintsFromSdl, measureOperation, type ListSizeHints } from '@heli/query-limits';
import { readSubgraphSdl } from '@heli/subgraph-runtime';
import { responsibilityPart, sharingPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

/**
 * The cost estimate against what queries really return on the demo organisation: the estimate
 * counts every field of the response once per occurrence (full pages assumed), so it must never be
 * below the real count and not far above it where pages are full.
 */

const director = claimsForStaff('staff-director');

/**
 * Queries an office would send, with how far above the real count the estimate may be. The
 * estimate assumes full pages, so the pages asked for here are about as large as the demo
 * organisation's lists (15 divisions of up to 8 staff, 1 own office).
 */
const QUERIES: { name: string; query: string; atMostTimes: number }[] = [
  // The director belongs to no division: `division` is null, two fields fewer than estimated.
  { name: 'me', query: '{ me { id name title division { id name } } }', atMostTimes: 1.5 },
  {
    name: 'divisions, default page (20)',
    query: '{ divisions { totalCount edges { node { id name head { name title } } } } }',
    atMostTimes: 2,
  },
  {
    name: 'divisions with their staff',
    query: `{ divisions(first: ${demoDivisions.length}) { edges { node { id name staff(first: 8) { totalCount edges { node { id name title } } } } } } }`,
    atMostTimes: 2.5,
  },
  {
    name: 'own office with its divisions',
    query: `{ offices(kind: OWN, first: 1) { edges { node { id name divisions(first: ${demoDivisions.length}) { edges { node { id name } } } } } } }`,
    atMostTimes: 1.5,
  },
  {
    name: 'matters with lead division',
    query:
      '{ assignments(first: 30) { totalCount edges { node { id title status leadDivision { id name } } } } }',
    atMostTimes: 4,
  },
  { name: 'whole introspection', query: getIntrospectionQuery(), atMostTimes: 1.5 },
];

/** Fields in a response, each once per occurrence — what the estimate counts (`__typename` free). */
function fieldsReturned(value: unknown): number {
  if (Array.isArray(value))
    return value.reduce<number>((sum, item) => sum + fieldsReturned(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  for (const [key, child] of Object.entries(value)) {
    if (key === '__typename') continue;
    // A null object or an empty list is one field, like a scalar.
    count += 1 + fieldsReturned(child);
  }
  return count;
}

describe('the cost estimate against real responses', () => {
  let stack: Stack;
  let hints: ListSizeHints;
  let schema: ReturnType<typeof buildClientSchema>;

  beforeAll(async () => {
    stack = await startStack([responsibilityPart(), sharingPart()]);
    const composed = composeSupergraph(
      [responsibilityPart(), sharingPart()].map((part) => ({
        name: part.definition.name,
        url: 'http://unused',
        sdl: readSubgraphSdl(part.sdlDir),
      })),
    );
    if (!composed.ok) throw new Error('composition failed');
    hints = listSizeHintsFromSdl(composed.supergraphSdl);
    const introspection = await stack.data<IntrospectionQuery>(director, getIntrospectionQuery());
    schema = buildClientSchema(introspection);
  });
  afterAll(() => stack?.close());

  it('is never below what a query returns, and within a small factor of it', async () => {
    const rows: {
      query: string;
      estimate: number;
      returned: number;
      ratio: string;
      atMostTimes: number;
    }[] = [];
    for (const { name, query, atMostTimes } of QUERIES) {
      const document = parse(query);
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      )!;
      const fragments = new Map(
        document.definitions
          .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((fragment) => [fragment.name.value, fragment] as const),
      );
      const measured = measureOperation(schema, operation, fragments, {}, hints);
      const estimate = measured.cost + measured.introspectionCost;
      const returned = fieldsReturned(await stack.data(director, query));
      rows.push({
        query: name,
        estimate,
        returned,
        ratio: (estimate / returned).toFixed(2),
        atMostTimes,
      });
    }
    console.table(rows);
    for (const { query, estimate, returned, atMostTimes } of rows) {
      expect(estimate, query).toBeGreaterThanOrEqual(returned);
      expect(estimate, query).toBeLessThanOrEqual(Math.ceil(returned * atMostTimes));
    }
  });
});
