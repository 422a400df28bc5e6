import { Agent, createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeHttpServer } from './close-http-server.js';

describe('closeHttpServer', () => {
  it('lets an in-flight request finish on a keep-alive connection, then closes', async () => {
    let releaseResponse!: () => void;
    let requestArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (requestArrived = resolve));
    const server = createServer((_req, res) => {
      requestArrived();
      releaseResponse = () => res.end('finished');
    });
    // Long enough that only closeHttpServer, not the keep-alive timeout, can close the socket.
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true });

    const response = new Promise<string>((resolve, reject) => {
      get({ port, host: '127.0.0.1', agent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });
    await arrived;

    let closed = false;
    const closing = closeHttpServer(server).then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    expect(server.listening).toBe(false);

    releaseResponse();

    expect(await response).toBe('finished');
    await closing;
    expect(closed).toBe(true);
    agent.destroy();
  });

  it('cuts a request that outlasts forceAfterMs', async () => {
    const server = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const failed = new Promise<Error>((resolve) =>
      get({ port, host: '127.0.0.1' }).on('error', resolve),
    );
    await new Promise((resolve) => server.once('request', resolve));

    await closeHttpServer(server, { forceAfterMs: 20 });

    expect((await failed).message).toMatch(/socket hang up|ECONNRESET/);
  });

  it('does nothing for a server that is not listening', async () => {
    await expect(closeHttpServer(createServer())).resolves.toBeUndefined();
  });
});
