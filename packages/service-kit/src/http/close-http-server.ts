import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface CloseHttpServerOptions {
  /** After this long, remaining connections are cut. Default: wait for in-flight requests forever. */
  forceAfterMs?: number;
}

// How often idle keep-alive sockets are looked for while in-flight requests finish.
const IDLE_SWEEP_MS = 25;

/**
 * Stops accepting connections, lets in-flight requests finish, then resolves once every socket is
 * closed. `server.close()` alone closes only sockets idle at that moment: a keep-alive socket whose
 * request finishes later stays open until its keep-alive timeout, so idle sockets are swept
 * repeatedly, and requests still arriving on open sockets are answered with `connection: close`.
 */
export async function closeHttpServer(
  server: Server,
  { forceAfterMs }: CloseHttpServerOptions = {},
): Promise<void> {
  if (!server.listening) return;
  const refuseKeepAlive = (_req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('connection', 'close');
  };
  server.prependListener('request', refuseKeepAlive);

  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const force =
    forceAfterMs === undefined
      ? undefined
      : setTimeout(() => server.closeAllConnections(), forceAfterMs);
  try {
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    });
  } finally {
    clearInterval(sweep);
    clearTimeout(force);
    server.off('request', refuseKeepAlive);
  }
}
