import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { readSubgraphSdl } from '@heli/subgraph-runtime';
import { graphql, parse, type GraphQLSchema } from 'graphql';

/**
 * Stand-ins for responsibility, assessment and sharing with their real SDL (so the supergraph has
 * Heli's shape and the gateways plan the same fetches) and answers that cost next to nothing: each
 * distinct request body is executed once against made-up records and its answer kept, so under load
 * a subgraph only looks a string up. The gateway in front is then what a run measures.
 */

const SERVICES_DIR = fileURLToPath(new URL('../../services/', import.meta.url));

const divisionIds = Array.from({ length: 50 }, (_, i) => `div-${i + 1}`);
const staff = (id: string) => ({ id, name: `员工${id.slice(6)}`, title: '副处长' });
const division = (id: string) => ({
  id,
  name: `第${id.slice(4)}处`,
  kind: 'POLICY',
  head: staff(`staff-${id.slice(4)}`),
});
const page = <T>(nodes: T[]) => ({
  edges: nodes.map((node, i) => ({ cursor: `c${i}`, node })),
  pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'c0', endCursor: 'c9' },
  totalCount: nodes.length * 3,
});

const resolvers = {
  responsibility: {
    Query: {
      divisions: (_: unknown, { first }: { first: number }) =>
        page(divisionIds.slice(0, first).map(division)),
      assignments: (_: unknown, { first }: { first: number }) =>
        page(
          Array.from({ length: first }, (_, i) => ({
            id: `assignment-${i + 1}`,
            title: `关于第${i + 1}项工作的落实情况`,
            status: 'IN_PROGRESS',
            priority: 'NORMAL',
            deadline: '2026-12-31T09:00:00.000Z',
            leadDivision: division(divisionIds[i % 10]!),
          })),
        ),
    },
    Division: { __resolveReference: ({ id }: { id: string }) => division(id) },
    Staff: { __resolveReference: ({ id }: { id: string }) => staff(id) },
  },
  assessment: {
    Division: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      score: ({ id }: { id: string }, { period }: { period: string }) => ({
        division: { id },
        period,
        total: 87.5,
        byCategory: ['RESPONSIBILITY', 'SHARING', 'INTERACTION', 'ACHIEVEMENT'].map((category) => ({
          category,
          points: 21.875,
        })),
      }),
    },
  },
  sharing: {
    Division: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      catalogEntries: ({ id }: { id: string }, { first }: { first: number }) =>
        page(
          Array.from({ length: first }, (_, i) => ({
            id: `${id}-entry-${i}`,
            title: `${id} 调研报告 ${i}`,
            publishedBy: { id: `staff-${i + 1}` },
          })),
        ),
    },
  },
};

export type FixtureName = keyof typeof resolvers;
export const FIXTURE_NAMES = Object.keys(resolvers) as FixtureName[];

export interface FixtureSubgraph {
  name: FixtureName;
  sdl: string;
  url: string;
  /** Requests answered so far (the bench reads how many fetches the gateways made). */
  requests(): number;
  close(): Promise<void>;
}

export async function startFixtureSubgraph(name: FixtureName): Promise<FixtureSubgraph> {
  const sdl = readSubgraphSdl(`${SERVICES_DIR}${name}/src`);
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers[name] as never });
  const answers = new Map<string, Promise<string>>();
  let requests = 0;
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/requests') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(String(requests));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests++;
      const body = Buffer.concat(chunks).toString('utf8');
      let answer = answers.get(body);
      if (answer === undefined) {
        answer = execute(schema, body);
        answers.set(body, answer);
      }
      void answer.then((text) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(text);
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    sdl,
    url: `http://127.0.0.1:${port}/graphql`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function execute(schema: GraphQLSchema, body: string): Promise<string> {
  const { query, variables, operationName } = JSON.parse(body) as {
    query: string;
    variables?: Record<string, unknown>;
    operationName?: string;
  };
  return JSON.stringify(
    await graphql({ schema, source: query, variableValues: variables, operationName }),
  );
}
