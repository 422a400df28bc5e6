import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger.js';
import { currentRequestId } from '../request-context/request-context.js';
import { closeHttpServer } from './close-http-server.js';
import { createHttpServer, type HttpServerOptions } from './create-http-server.js';
import { sendJson } from './send-json.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => closeHttpServer(server)));
});

async function start(options: Partial<HttpServerOptions> = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service: 'test',
    level: 'debug',
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  });
  const server = createHttpServer({ logger, bodyLimitBytes: 1024, ...options });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, lines };
}

describe('createHttpServer', () => {
  it('answers /health with 200 ok', async () => {
    const { url } = await start();

    const response = await fetch(`${url}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('runs the handler with the caller request id, echoes it and logs it', async () => {
    let seenInHandler: string | undefined;
    const { url, lines } = await start({
      routes: {
        '/echo': (_req, res, scope) => {
          seenInHandler = currentRequestId();
          sendJson(res, 200, { requestId: scope.requestId });
        },
      },
    });

    const response = await fetch(`${url}/echo?x=1`, { headers: { 'x-request-id': 'gw-123' } });

    expect(response.headers.get('x-request-id')).toBe('gw-123');
    expect(await response.json()).toEqual({ requestId: 'gw-123' });
    expect(seenInHandler).toBe('gw-123');
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', path: '/echo', status: 200, requestId: 'gw-123' }),
    );
  });

  it('creates a request id when the caller sends none', async () => {
    const { url } = await start();

    const response = await fetch(`${url}/health`);

    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes the body to the handler', async () => {
    const { url } = await start({
      routes: { '/echo': (_req, res, { body }) => sendJson(res, 200, { got: body.toString() }) },
    });

    const response = await fetch(`${url}/echo`, { method: 'POST', body: 'hello' });

    expect(await response.json()).toEqual({ got: 'hello' });
  });

  it('refuses a body over the limit with 413 before the handler runs', async () => {
    let handlerRan = false;
    const { url } = await start({
      routes: {
        '/echo': (_req, res) => {
          handlerRan = true;
          sendJson(res, 200, {});
        },
      },
    });

    const response = await fetch(`${url}/echo`, { method: 'POST', body: 'x'.repeat(1025) });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: 'request body exceeds the limit of 1024 bytes',
    });
    expect(handlerRan).toBe(false);
  });

  it('refuses an oversized chunked body that declares no length', async () => {
    const { port } = await start({ routes: { '/echo': (_req, res) => sendJson(res, 200, {}) } });

    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', path: '/echo', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.write('x'.repeat(800));
      req.end('x'.repeat(800));
    });

    expect(status).toBe(413);
  });

  it('answers /ready with 200 when every check passes', async () => {
    const { url } = await start({
      readinessChecks: [
        { name: 'mongodb', check: async () => {} },
        { name: 'nats', check: async () => {} },
      ],
    });

    const response = await fetch(`${url}/ready`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'mongodb', status: 'ok' },
        { name: 'nats', status: 'ok' },
      ],
    });
  });

  it('answers /ready with 503 naming the failing and the hanging check', async () => {
    const { url } = await start({
      readinessTimeoutMs: 50,
      readinessChecks: [
        { name: 'mongodb', check: async () => {} },
        { name: 'nats', check: () => Promise.reject(new Error('connection refused')) },
        { name: 'slow', check: () => new Promise(() => {}) },
      ],
    });

    const response = await fetch(`${url}/ready`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not ready',
      checks: [
        { name: 'mongodb', status: 'ok' },
        { name: 'nats', status: 'failed', error: 'connection refused' },
        { name: 'slow', status: 'failed', error: 'did not answer within 50 ms' },
      ],
    });
  });

  it('serves the graphql route and the fallback', async () => {
    const { url } = await start({
      graphql: {
        path: '/graphql',
        handle: (_req, res) => sendJson(res, 200, { route: 'graphql' }),
      },
      fallback: (_req, res) => sendJson(res, 200, { route: 'fallback' }),
    });

    expect(await (await fetch(`${url}/graphql`)).json()).toEqual({ route: 'graphql' });
    expect(await (await fetch(`${url}/elsewhere`)).json()).toEqual({ route: 'fallback' });
  });

  it('answers an unknown path with a JSON 404', async () => {
    const { url } = await start();

    const response = await fetch(`${url}/nope`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no route for GET /nope' });
  });

  it('turns a failing handler into a 500 that reveals nothing but the request id', async () => {
    const { url, lines } = await start({
      routes: {
        '/boom': () => {
          throw new Error('secret internals');
        },
      },
    });

    const response = await fetch(`${url}/boom`, { headers: { 'x-request-id': 'r-9' } });

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal server error', requestId: 'r-9' });
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request handler failed', level: 'error', requestId: 'r-9' }),
    );
  });
});
