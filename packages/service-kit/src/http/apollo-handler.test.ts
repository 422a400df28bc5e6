import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger.js';
import { currentRequestId } from '../request-context/request-context.js';
import { graphqlHandler } from './apollo-handler.js';
import { closeHttpServer } from './close-http-server.js';
import { createHttpServer } from './create-http-server.js';

interface Context {
  requestId: string;
  caller: string | undefined;
}

const apollo = new ApolloServer<Context>({
  typeDefs: `type Query { hello(name: String!): String!  whoami: String  requestIds: [String] }`,
  resolvers: {
    Query: {
      hello: (_: unknown, { name }: { name: string }) => `你好, ${name}`,
      whoami: (_: unknown, __: unknown, ctx: Context) => ctx.caller ?? null,
      requestIds: (_: unknown, __: unknown, ctx: Context) => [ctx.requestId, currentRequestId()],
    },
  },
});

let server: Server;
let url: string;

beforeAll(async () => {
  await apollo.start();
  server = createHttpServer({
    logger: createLogger({ service: 'test', level: 'silent' }),
    bodyLimitBytes: 10_000,
    graphql: {
      path: '/graphql',
      handle: graphqlHandler(apollo, {
        context: async (req, scope) => ({
          requestId: scope.requestId,
          caller: req.headers.authorization,
        }),
      }),
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await closeHttpServer(server);
  await apollo.stop();
});

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('graphqlHandler', () => {
  it('executes a POSTed operation with variables', async () => {
    const response = await post(
      JSON.stringify({
        query: 'query($n: String!) { hello(name: $n) }',
        variables: { n: '秘书处' },
      }),
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ data: { hello: '你好, 秘书处' } });
  });

  it('builds the context from the request, inside the request context', async () => {
    const response = await post(JSON.stringify({ query: '{ whoami requestIds }' }), {
      authorization: 'Bearer abc',
      'x-request-id': 'req-77',
    });

    expect(await response.json()).toEqual({
      data: { whoami: 'Bearer abc', requestIds: ['req-77', 'req-77'] },
    });
  });

  it('executes a GET query from the search string when CSRF preflight is signalled', async () => {
    const query = encodeURIComponent('{ hello(name: "GET") }');

    const response = await fetch(`${url}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });

    expect(await response.json()).toEqual({ data: { hello: '你好, GET' } });
  });

  it("keeps Apollo's CSRF prevention: a simple GET without preflight header is refused", async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ hello(name: "x") }')}`);

    expect(response.status).toBe(400);
  });

  it('answers malformed JSON with 400 and a GraphQL-shaped error', async () => {
    const response = await post('{"query": ');

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('passes GraphQL validation errors through with their status', async () => {
    const response = await post(JSON.stringify({ query: '{ nope }' }));

    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('graphqlHandler with incremental delivery', () => {
  it('streams a chunked result body part by part with its headers', async () => {
    async function* parts() {
      yield '\r\n---\r\ncontent-type: application/json\r\n\r\n{"data":{},"hasNext":true}';
      yield '\r\n---\r\ncontent-type: application/json\r\n\r\n{"hasNext":false}\r\n-----\r\n';
    }
    // Apollo only streams for @defer/@stream (graphql 17), so the server is replaced by one that
    // answers as Apollo does in that case.
    const streaming = {
      executeHTTPGraphQLRequest: async () => ({
        status: 200,
        headers: new HeaderMap([
          ['content-type', 'multipart/mixed; boundary="-"; deferSpec=20220824'],
        ]),
        body: { kind: 'chunked' as const, asyncIterator: parts() },
      }),
    } as unknown as ApolloServer<Context>;
    const streamingServer = createHttpServer({
      logger: createLogger({ service: 'test', level: 'silent' }),
      bodyLimitBytes: 10_000,
      routes: {
        '/graphql': graphqlHandler(streaming, {
          context: async (_req, scope) => ({ requestId: scope.requestId, caller: undefined }),
        }),
      },
    });
    await new Promise<void>((resolve) => streamingServer.listen(0, '127.0.0.1', resolve));

    try {
      const port = (streamingServer.address() as AddressInfo).port;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ hello(name: "x") @defer }' }),
      });

      expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      const text = await response.text();
      expect(text).toContain('{"data":{},"hasNext":true}');
      expect(text).toMatch(/\{"hasNext":false\}\r\n-----\r\n$/);
    } finally {
      await closeHttpServer(streamingServer);
    }
  });
});
