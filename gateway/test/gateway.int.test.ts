import { request } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIVISIONS } from './fixtures/catalogue-subgraph.js';
import { TEST_JWT } from './fixtures/fixture-auth.js';
import {
  postGraphql,
  startFixtureGraph,
  tokenFor,
  type FixtureGraph,
} from './fixtures/fixture-graph.js';
import { headcountOf } from './fixtures/staffing-subgraph.js';
import { signDevToken } from '@heli/auth';

const BODY_LIMIT = 4096;

let graph: FixtureGraph;
let token: string;

beforeAll(async () => {
  graph = await startFixtureGraph({ MAX_BODY_BYTES: String(BODY_LIMIT) });
  token = await tokenFor();
});

afterAll(async () => {
  await graph?.close();
});

describe('gateway over two fixture subgraphs', () => {
  it('resolves an entity owned by one subgraph with a field from the subgraph that extends it', async () => {
    const response = await postGraphql(graph.url, '{ divisions(limit: 3) { id name headcount } }', {
      token,
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        divisions: DIVISIONS.slice(0, 3).map(({ id, name }) => ({
          id,
          name,
          headcount: headcountOf(id),
        })),
      },
    });
  });

  it('refuses a request without a token with 401 UNAUTHENTICATED, before any subgraph is asked', async () => {
    const asked = graph.catalogue.seen.length + graph.staffing.seen.length;
    const response = await postGraphql(graph.url, '{ divisions { id } }');

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.body.data).toBeUndefined();
    expect(graph.catalogue.seen.length + graph.staffing.seen.length).toBe(asked);
  });

  it('refuses a token signed with another secret with 401', async () => {
    const forged = await signDevToken(
      {
        sub: 's-x',
        name: 'x',
        divisionId: null,
        officeId: 'o',
        roles: ['ADMIN'],
        clearance: 'TOP_SECRET',
      },
      { ...TEST_JWT, secret: 'another-secret-that-is-at-least-32-characters' },
    );
    const response = await postGraphql(graph.url, '{ divisions { id } }', { token: forged });

    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('forwards the caller’s token and the request id to every subgraph it asks', async () => {
    const requestId = `req-${Date.now()}`;
    const response = await postGraphql(graph.url, '{ divisions(limit: 2) { name headcount } }', {
      token,
      headers: { 'x-request-id': requestId },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const expected = { authorization: `Bearer ${token}`, requestId };
    expect(graph.catalogue.seen).toContainEqual(expected);
    expect(graph.staffing.seen).toContainEqual(expected);
  });

  it('rejects an over-deep query with QUERY_TOO_DEEP and status 400, without asking a subgraph', async () => {
    const asked = graph.catalogue.seen.length;
    const deep = `{ division(id: "d1") { ${'neighbours(limit: 1) { '.repeat(12)} id ${'} '.repeat(12)} } }`;
    const response = await postGraphql(graph.url, deep, { token });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: '查询嵌套过深：14 层，上限为 12 层。请拆成几个较小的查询。',
        extensions: { code: 'QUERY_TOO_DEEP', depth: 14, maxDepth: 12 },
      },
    ]);
    expect(graph.catalogue.seen.length).toBe(asked);
  });

  it('rejects an over-costly query with QUERY_TOO_COSTLY and status 400', async () => {
    // 1 + 50 × (id + neighbours: 1 + 20 × (name + headcount)) = 2151 per page of 50 … times nothing else
    const query = '{ divisions(limit: 100) { id neighbours(limit: 30) { name headcount } } }';
    const response = await postGraphql(graph.url, query, { token });

    expect(response.status).toBe(400);
    const [error] = response.body.errors ?? [];
    expect(error?.extensions).toEqual({
      code: 'QUERY_TOO_COSTLY',
      cost: 1 + 100 * (1 + 1 + 30 * 2),
      maxCost: 5000,
    });
    expect(error?.message).toMatch(/^查询开销过大：估算为 6201，上限为 5000/);
  });

  it('rejects a query with too many aliases with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: division(id: "d1") { id }`).join(
      ' ',
    );
    const response = await postGraphql(graph.url, `{ ${aliases} }`, { token });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
  });

  it('masks an internal subgraph error: no internal message, no stack, but the request id', async () => {
    const requestId = `masked-${Date.now()}`;
    const response = await postGraphql(graph.url, '{ brokenField }', {
      token,
      headers: { 'x-request-id': requestId },
    });

    expect(response.body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['brokenField'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      },
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/mongodb|10\.0\.0\.7|stacktrace|catalogue/);
  });

  it('passes an expected subgraph error through with its code and message', async () => {
    const response = await postGraphql(graph.url, '{ divisionOrFail(id: "d999") { id } }', {
      token,
    });

    expect(response.body.errors).toEqual([
      {
        message: 'Division d999 does not exist',
        path: ['divisionOrFail'],
        extensions: { code: 'NOT_FOUND' },
      },
    ]);
  });

  it('answers introspection, GraphiQL’s full query included, for an authenticated caller', async () => {
    const response = await postGraphql(graph.url, getIntrospectionQuery(), { token });

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const schema = (response.body.data as { __schema: { types: { name: string }[] } }).__schema;
    expect(schema.types.map((type) => type.name)).toContain('Division');
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const response = await fetch(
      `${graph.url}?query=${encodeURIComponent('{ divisions { id } }')}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );

    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('serves the GraphQL IDE with its scripts and styles from the gateway itself', async () => {
    for (const path of ['/', '/graphql']) {
      const page = await fetch(`${graph.origin}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');

      expect(assets).toEqual([
        '/ide/graphiql.min.css',
        '/ide/react.production.min.js',
        '/ide/react-dom.production.min.js',
        '/ide/graphiql.min.js',
        '/ide/start.js',
      ]);
      for (const asset of assets) {
        const response = await fetch(`${graph.origin}${asset}`);
        expect(response.status, asset).toBe(200);
        expect(response.headers.get('content-type'), asset).toMatch(
          asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
        );
        expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
      }
    }
  });

  it('answers /health and /ready without a token', async () => {
    expect((await fetch(`${graph.origin}/health`)).status).toBe(200);
    const ready = await fetch(`${graph.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: [{ name: 'supergraph', status: 'ok' }],
    });
  });

  it('refuses a body over MAX_BODY_BYTES with 413', async () => {
    const body = JSON.stringify({ query: `{ divisions { id } } # ${'x'.repeat(BODY_LIMIT)}` });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(graph.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'content-length': Buffer.byteLength(body),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end(body);
    });

    expect(status).toBe(413);
  });
});
