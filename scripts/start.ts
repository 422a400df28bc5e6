/**
 * `pnpm start`: the whole of Heli on one machine with embedded defaults — the embedded
 * MongoDB-wire server (data kept in .data/, so it survives restarts), NATS (the one that answers
 * at NATS_URL, or a nats-server started here), every subgraph under services/, and the gateway.
 * Demo data is loaded on first start; loading it again changes nothing.
 *
 * Fast on a busy machine (ADR 017): every part runs from its production build (esbuild, rebuilt
 * only when a source changed), so no process transpiles at run time; MongoDB, responsibility and
 * the gateway start at once (the other subgraphs once responsibility's demo organisation is
 * there) — the subgraphs wait for MongoDB in their driver, the gateway runs from a supergraph composed here
 * from the SDL files, so it needs no subgraph to start; demo data finishes loading behind it. The
 * terminal shows warnings and errors of the parts (their full logs are in .data/logs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEV_JWT_SECRET, signDevToken } from '@heli/auth';
import { ensureConsoleBuilt } from '@heli/console/build';
import { composeSupergraph, discoverSubgraphs, findSubgraphServices } from '@heli/gateway/compose';
import { claimsForStaff, demoUsers } from '@heli/demo-data';
import { bundleWhenChanged, type BundleOptions } from '@heli/production-build';
import { startChild, type ManagedChild } from './dev-stack/child-process.js';
import { loadDevStackEnv } from './dev-stack/env.js';
import { LOG_LEVEL_NUMBERS } from './dev-stack/log-line.js';
import { ensureNats } from './dev-stack/nats.js';
import { assertPortsFree } from './dev-stack/ports.js';
import { answersQuery, httpOk, waitUntil } from './dev-stack/wait-until.js';

const launchedAt = performance.timeOrigin;
const seconds = () => `${((Date.now() - launchedAt) / 1000).toFixed(1)} s`;
const root = resolve(import.meta.dirname, '..');
const env = loadDevStackEnv();
const dataDir = resolve(root, env.HELI_DATA_DIR);
const logDir = join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });

const echo = (line: string) => process.stdout.write(line + '\n');
const terminalLevel = LOG_LEVEL_NUMBERS[env.TERMINAL_LOG_LEVEL];
const children: ManagedChild[] = [];
/** Children stopped on purpose (the gateway restarted to serve a fresh console build). */
const replaced = new WeakSet<ManagedChild>();
let stopping = false;

/** Runs a built JavaScript entry point of this repository with plain node. */
const built = (entry: string, ...args: string[]) => ({
  command: process.execPath,
  args: [join(root, entry), ...args],
});
const jwt = { JWT_SECRET: DEV_JWT_SECRET, JWT_ISSUER: 'heli', JWT_AUDIENCE: 'heli' };

function supervise(child: ManagedChild): ManagedChild {
  children.push(child);
  void child.exited.then((code) => {
    if (stopping || replaced.has(child)) return;
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

const start = (name: string, command: { command: string; args: string[] }, childEnv = {}) =>
  supervise(startChild({ name, ...command, env: childEnv, logDir, echo, minLevel: terminalLevel }));

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

  // The web console builds (or is found already built) while everything else starts.
  const consoleBuild = ensureConsoleBuilt((line) => echo(`[console] ${line}`));
  consoleBuild.catch(() => {});
  // A current build resolves at once (before any I/O callback); a build to make does not.
  const consoleDirNow = await Promise.race([
    consoleBuild,
    new Promise<undefined>((r) => setImmediate(() => r(undefined))),
  ]);

  const builds: BundleOptions[] = [
    { packageDir: join(root, 'packages/embedded-mongo'), entries: { cli: 'src/cli.ts' } },
    ...services.map((s) => ({ packageDir: s.dir, entries: { index: 'src/index.ts' } })),
    {
      packageDir: join(root, 'gateway'),
      entries: { index: 'src/index.ts', worker: 'src/worker.ts' },
      workspaceWithoutSideEffects: true,
    },
  ];
  const builtAny = await Promise.all(builds.map((options) => bundleWhenChanged(options)));
  if (builtAny.some(Boolean)) echo(`[stack] built what changed (${seconds()})`);

  const nats = await ensureNats({
    natsUrl: env.NATS_URL,
    dataDir: join(dataDir, 'nats'),
    logDir,
    echo,
  });
  if (nats) supervise(nats);

  let mongoUri = env.MONGODB_URI;
  if (!mongoUri) {
    const mongoDir = join(dataDir, 'mongo');
    mkdirSync(mongoDir, { recursive: true });
    const port = env.EMBEDDED_MONGO_PORT;
    start(
      'mongo',
      built('packages/embedded-mongo/dist/cli.js', '--port', String(port), '--data-dir', mongoDir),
    );
    // The subgraphs start meanwhile; their driver waits for the server (this long, on a busy machine).
    mongoUri = `mongodb://127.0.0.1:${port}/?directConnection=true&serverSelectionTimeoutMS=180000`;
    echo(`[stack] embedded MongoDB on 127.0.0.1:${port}, data in ${mongoDir}`);
  }

  const startSubgraph = (service: (typeof services)[number]) =>
    start(service.name, built(join('services', service.name, 'dist/index.js')), {
      PORT: String(service.port),
      MONGODB_URI: mongoUri,
      NATS_URL: env.NATS_URL,
      LOG_LEVEL: env.LOG_LEVEL,
      DEMO_DATA: 'true',
      ...jwt,
    });
  // responsibility first: the other subgraphs' demo data names its organisation, which they learn
  // from its events, and the gateway's first answer needs only it. The rest start once it is ready.
  const owner = services.find((s) => s.name === 'responsibility');
  if (owner) startSubgraph(owner);
  void (async () => {
    if (owner)
      await waitUntil(
        'responsibility',
        httpOk(`http://127.0.0.1:${owner.port}/ready`),
        10 * 60_000,
      );
    if (!stopping) for (const service of services) if (service !== owner) startSubgraph(service);
  })().catch((error: unknown) => {
    echo(`[stack] ${error instanceof Error ? error.message : String(error)}`);
    void shutdown(1);
  });

  // Composed from the SDL files, so the gateway need not wait for any subgraph to start.
  const { subgraphs, problems } = discoverSubgraphs(join(root, 'services'), {});
  const composition = problems.length === 0 ? composeSupergraph(subgraphs) : undefined;
  if (!composition?.ok) {
    const errors =
      problems.length > 0 ? problems : composition?.ok === false ? composition.errors : [];
    throw new Error(
      `composition failed:\n${errors.map((e) => `  ${e.code}: ${e.message}`).join('\n')}`,
    );
  }
  const supergraphPath = join(dataDir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composition.supergraphSdl);

  const gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}`;
  // The console's notification stream is relayed by the gateway from this subgraph.
  const notifications = services.find((s) => s.name === 'notifications');
  const startGateway = (consoleDir: string | undefined) =>
    start('gateway', built('gateway/dist/index.js'), {
      PORT: String(env.GATEWAY_PORT),
      SUPERGRAPH_PATH: supergraphPath,
      LOG_LEVEL: env.LOG_LEVEL,
      GATEWAY_WORKERS: String(env.GATEWAY_WORKERS),
      CONSOLE_DIR: consoleDir,
      DEV_SIGN_IN: 'true',
      ...(notifications && { NOTIFICATIONS_URL: `http://127.0.0.1:${notifications.port}` }),
      ...jwt,
    });
  let gateway = startGateway(consoleDirNow);
  if (consoleDirNow === undefined) {
    // A first start (or changed console sources): the gateway answers queries at once and is
    // restarted to serve the console when its build is done.
    void consoleBuild.then(
      async (consoleDir) => {
        if (stopping) return;
        replaced.add(gateway);
        await gateway.stop();
        gateway = startGateway(consoleDir);
        echo(`[stack] console built; the gateway serves it now (${seconds()})`);
      },
      (error: unknown) => {
        echo(`[stack] the console could not be built: ${String(error)}`);
        void shutdown(1);
      },
    );
  }

  const directorToken = await signDevToken(claimsForStaff(demoUsers.director), {
    secret: DEV_JWT_SECRET,
    issuer: 'heli',
    audience: 'heli',
  });
  await waitUntil(
    'the gateway’s answer to { me { name } }',
    answersQuery(`${gatewayUrl}/graphql`, directorToken, '{ me { name } }', 'me'),
    10 * 60_000,
  );
  echo(`
Heli is running: the gateway answered its first query ${seconds()} after launch.
  Console         ${gatewayUrl}/   (sign in as a demo user${consoleDirNow ? '' : '; ready once the console is built'})
  GraphQL + IDE   ${gatewayUrl}/graphql  (IDE also at ${gatewayUrl}/ide, signed in as the office director)
  subgraphs       ${services.map((s) => `${s.name} :${s.port}`).join(', ')}
  logs            ${logDir}

Token for the office director (paste into the IDE's headers as {"Authorization": "Bearer …"}):
${directorToken}

Try:  curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' \\
        -H "authorization: Bearer $TOKEN" -d '{"query":"{ divisions(first: 20) { edges { node { id name } } } }"}'
Who the demo users are: pnpm token --list; a token for one: pnpm token <user>.  Ctrl-C stops everything.
`);

  // Demo data and start-up work finish behind the running gateway; say when they have.
  const allReady = async () =>
    (await Promise.all(services.map((s) => httpOk(`http://127.0.0.1:${s.port}/ready`)()))).every(
      Boolean,
    );
  try {
    await waitUntil('every subgraph’s start-up work (demo data)', allReady, 15 * 60_000);
    echo(`[stack] every subgraph is ready; demo data loaded (${seconds()})`);
  } catch (error) {
    if (!stopping)
      echo(`[stack] warning: ${error instanceof Error ? error.message : error}; see ${logDir}`);
  }
}

main().catch((error: unknown) => {
  echo(`[stack] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
