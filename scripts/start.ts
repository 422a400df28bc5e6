/**
 * `pnpm start`: the whole of Heli on one machine with embedded defaults — the embedded
 * MongoDB-wire server (data kept in .data/, so it survives restarts), NATS (the one that answers
 * at NATS_URL, or a nats-server started here), every subgraph under services/, and the gateway.
 * Demo data is loaded on first start; loading it again changes nothing.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { DEV_JWT_SECRET, signDevToken } from '@heli/auth';
import { ensureConsoleBuilt } from '@heli/console/build';
import { findSubgraphServices } from '@heli/gateway/compose';
import { claimsForStaff, demoUsers } from '@heli/demo-data';
import { startChild, type ManagedChild } from './dev-stack/child-process.js';
import { loadDevStackEnv } from './dev-stack/env.js';
import { ensureNats } from './dev-stack/nats.js';
import { assertPortsFree } from './dev-stack/ports.js';
import { httpOk, tcpOpen, waitUntil } from './dev-stack/wait-until.js';

const root = resolve(import.meta.dirname, '..');
const env = loadDevStackEnv();
const dataDir = resolve(root, env.HELI_DATA_DIR);
const logDir = join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });

const echo = (line: string) => process.stdout.write(line + '\n');
const children: ManagedChild[] = [];
let stopping = false;

/** Runs a TypeScript entry point of this repository with node and tsx, with its own arguments. */
const tsNode = (entry: string, ...args: string[]) => ({
  command: process.execPath,
  args: ['--import', 'tsx', join(root, entry), ...args],
});
const jwt = { JWT_SECRET: DEV_JWT_SECRET, JWT_ISSUER: 'heli', JWT_AUDIENCE: 'heli' };

function supervise(child: ManagedChild): ManagedChild {
  children.push(child);
  void child.exited.then((code) => {
    if (stopping) return;
    // A crashed part is reported loudly and takes the stack down: a half-running system hides bugs.
    echo(
      `\n[stack] ${child.name} exited unexpectedly (${code}); its log is ${join(logDir, child.name + '.log')}`,
    );
    void shutdown(1);
  });
  return child;
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  echo('[stack] stopping…');
  for (const child of [...children].reverse()) await child.stop();
  echo('[stack] stopped');
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main(): Promise<void> {
  const services = findSubgraphServices(join(root, 'services'));
  await assertPortsFree([
    ...(env.MONGODB_URI
      ? []
      : [{ what: 'embedded MongoDB (EMBEDDED_MONGO_PORT)', port: env.EMBEDDED_MONGO_PORT }]),
    ...services.map((s) => ({
      what: `${s.name} subgraph (services/${s.name}/package.json)`,
      port: s.port,
    })),
    { what: 'gateway (GATEWAY_PORT)', port: env.GATEWAY_PORT },
  ]);

  // The web console builds (or is found already built) while the services start.
  const consoleBuild = ensureConsoleBuilt((line) => echo(`[console] ${line}`));
  consoleBuild.catch(() => {});

  let mongoUri = env.MONGODB_URI;
  if (!mongoUri) {
    const mongoDir = join(dataDir, 'mongo');
    mkdirSync(mongoDir, { recursive: true });
    const port = env.EMBEDDED_MONGO_PORT;
    supervise(
      startChild({
        name: 'mongo',
        ...tsNode(
          'packages/embedded-mongo/src/cli.ts',
          '--port',
          String(port),
          '--data-dir',
          mongoDir,
        ),
        env: {},
        logDir,
        echo,
      }),
    );
    await waitUntil('embedded MongoDB', tcpOpen('127.0.0.1', port), 60_000);
    mongoUri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
    echo(`[stack] embedded MongoDB on 127.0.0.1:${port}, data in ${mongoDir}`);
  }

  const nats = await ensureNats({
    natsUrl: env.NATS_URL,
    dataDir: join(dataDir, 'nats'),
    logDir,
    echo,
  });
  if (nats) supervise(nats);

  for (const service of services) {
    supervise(
      startChild({
        name: service.name,
        ...tsNode(join('services', service.name, 'src/index.ts')),
        env: {
          PORT: String(service.port),
          MONGODB_URI: mongoUri,
          NATS_URL: env.NATS_URL,
          LOG_LEVEL: env.LOG_LEVEL,
          DEMO_DATA: 'true',
          ...jwt,
        },
        logDir,
        echo,
      }),
    );
  }
  await Promise.all(
    services.map((s) =>
      waitUntil(`${s.name} subgraph`, httpOk(`http://127.0.0.1:${s.port}/ready`), 90_000),
    ),
  );

  const supergraphPath = join(dataDir, 'supergraph.graphql');
  const compose = startChild({
    name: 'compose',
    ...tsNode('gateway/src/compose-cli.ts', '--out', supergraphPath),
    env: {},
    logDir,
    echo,
  });
  const composed = await compose.exited;
  if (composed !== 0)
    throw new Error(`composition failed (see above and ${join(logDir, 'compose.log')})`);

  const gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}`;
  const consoleDir = await consoleBuild;
  // The console's notification stream is relayed by the gateway from this subgraph.
  const notifications = services.find((s) => s.name === 'notifications');
  supervise(
    startChild({
      name: 'gateway',
      ...tsNode('gateway/src/index.ts'),
      env: {
        PORT: String(env.GATEWAY_PORT),
        SUPERGRAPH_PATH: supergraphPath,
        LOG_LEVEL: env.LOG_LEVEL,
        GATEWAY_WORKERS: String(Math.max(1, availableParallelism())),
        CONSOLE_DIR: consoleDir,
        DEV_SIGN_IN: 'true',
        ...(notifications && { NOTIFICATIONS_URL: `http://127.0.0.1:${notifications.port}` }),
        ...jwt,
      },
      logDir,
      echo,
    }),
  );
  await waitUntil('gateway', httpOk(`${gatewayUrl}/health`), 60_000);

  const directorToken = await signDevToken(claimsForStaff(demoUsers.director), {
    secret: DEV_JWT_SECRET,
    issuer: 'heli',
    audience: 'heli',
  });
  echo(`
Heli is running.
  Console         ${gatewayUrl}/   (sign in as a demo user)
  GraphQL + IDE   ${gatewayUrl}/graphql  (IDE also at ${gatewayUrl}/ide)
  subgraphs       ${services.map((s) => `${s.name} :${s.port}`).join(', ')}
  logs            ${logDir}

Token for the office director (paste into the IDE's headers as {"Authorization": "Bearer …"}):
${directorToken}

Try:  curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' \\
        -H "authorization: Bearer $TOKEN" -d '{"query":"{ divisions(first: 20) { edges { node { id name } } } }"}'
Other demo users: pnpm token <${Object.keys(demoUsers).join('|')}>.  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
  echo(`[stack] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
