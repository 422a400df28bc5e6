import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from './free-port.js';

describe('freePort', () => {
  it('given a port it returned, when a server listens on it, then the listen succeeds on that port', async () => {
    const port = await freePort();
    const server = createServer();
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');

    expect(port).toBeGreaterThan(0);
    expect((server.address() as { port: number }).port).toBe(port);
    server.close();
    await once(server, 'close');
  });
});
