import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startChild, type ManagedChild } from './child-process.js';
import { tcpOpen, waitUntil } from './wait-until.js';

const NATS_SERVER_CANDIDATES = [
  '/usr/sbin/nats-server',
  '/usr/bin/nats-server',
  '/usr/local/bin/nats-server',
];

function findNatsServer(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'nats-server'));
  return [...onPath, ...NATS_SERVER_CANDIDATES].find((candidate) => existsSync(candidate));
}

/**
 * Uses the NATS server at `natsUrl` when one answers; otherwise starts `nats-server` with
 * JetStream on that address. Returns the child it started, if any, so it is stopped with the stack.
 */
export async function ensureNats(opts: {
  natsUrl: string;
  dataDir: string;
  logDir: string;
  echo: (line: string) => void;
}): Promise<ManagedChild | null> {
  const { hostname, port } = new URL(opts.natsUrl);
  const natsPort = Number(port || 4222);
  if (await tcpOpen(hostname, natsPort)()) {
    opts.echo(`[stack] using NATS at ${opts.natsUrl}`);
    return null;
  }
  const binary = findNatsServer();
  if (!binary) {
    throw new Error(
      `No NATS server answers at ${opts.natsUrl} and nats-server is not installed.\n` +
        `  Install it (Debian/Ubuntu: sudo apt-get install nats-server) and run pnpm start again,\n` +
        `  or point NATS_URL at a NATS server with JetStream enabled.`,
    );
  }
  opts.echo(`[stack] starting ${binary} with JetStream on ${hostname}:${natsPort}`);
  const child = startChild({
    name: 'nats',
    command: binary,
    args: ['-a', hostname, '-p', String(natsPort), '-js', '-sd', opts.dataDir],
    env: {},
    logDir: opts.logDir,
    echo: () => {},
  });
  await waitUntil('nats-server', tcpOpen(hostname, natsPort), 15_000);
  return child;
}
