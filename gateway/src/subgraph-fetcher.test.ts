import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSubgraphFetcher, type SubgraphFetcher } from './subgraph-fetcher.js';

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in subgraph on a free port that answers every request with `answer` and records what it got. */
async function startSubgraph(answer: { status: number; contentType: string; body: string }) {
  const received: Received[] = [];
  let connections = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': answer.contentType, 'x-answered-by': 'stub' });
      res.end(answer.body);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql?x=1`,
    received,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(answer: { status: number; contentType: string; body: string }) {
  const subgraph = await startSubgraph(answer);
  const client: SubgraphFetcher = createSubgraphFetcher();
  cleanups.push(subgraph.close, client.close);
  return { subgraph, fetcher: client.fetcher };
}

describe('createSubgraphFetcher', () => {
  it('given a subgraph answering JSON, when a query is posted, then it receives method, path, headers and body and the answer parses as JSON', async () => {
    const { subgraph, fetcher } = await setUp({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: '{"data":{"divisions":[{"id":"d1","name":"秘书处"}]}}',
    });
    const query = JSON.stringify({ query: '{ divisions { id name } }' });

    const response = await fetcher(subgraph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer t',
        'x-request-id': 'r1',
      },
      body: query,
    });

    expect(subgraph.received).toEqual([
      expect.objectContaining({ method: 'POST', url: '/graphql?x=1', body: query }),
    ]);
    expect(subgraph.received[0]?.headers).toMatchObject({
      authorization: 'Bearer t',
      'x-request-id': 'r1',
      'content-type': 'application/json',
    });
    expect(response).toMatchObject({ status: 200, ok: true, statusText: 'OK', url: subgraph.url });
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-answered-by')).toBe('stub');
    expect(await response.json()).toEqual({ data: { divisions: [{ id: 'd1', name: '秘书处' }] } });
    expect(response.bodyUsed).toBe(true);
  });

  it('given a subgraph answering an error status, when a query is posted, then the response is not ok and its text is readable once', async () => {
    const { subgraph, fetcher } = await setUp({
      status: 503,
      contentType: 'text/plain',
      body: 'overloaded',
    });

    const response = await fetcher(subgraph.url, { method: 'POST', body: '{}' });
    const copy = response.clone();

    expect(response).toMatchObject({ status: 503, ok: false, statusText: 'Service Unavailable' });
    expect(await response.text()).toBe('overloaded');
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    expect(await copy.text()).toBe('overloaded');
  });

  it('given several queries one after another, when they are posted, then connections are kept alive and reused', async () => {
    const { subgraph, fetcher } = await setUp({
      status: 200,
      contentType: 'application/json',
      body: '{"data":{}}',
    });

    for (let i = 0; i < 10; i += 1) {
      const response = await fetcher(subgraph.url, { method: 'POST', body: '{}' });
      await response.json();
    }

    expect(subgraph.received).toHaveLength(10);
    // undici's pool may open a second connection while the first finishes a request, so not
    // exactly one; without keep-alive it would be ten.
    expect(subgraph.connections()).toBeLessThanOrEqual(3);
  });

  it('given nothing listening, when a query is posted, then the fetch fails', async () => {
    const subgraph = await startSubgraph({ status: 200, contentType: 'text/plain', body: '' });
    await subgraph.close();
    const client = createSubgraphFetcher();
    cleanups.push(client.close);

    await expect(client.fetcher(subgraph.url, { method: 'POST', body: '{}' })).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
