import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, discoverSubgraphs, type SubgraphService } from '@heli/gateway/compose';
import { bundleWhenChanged, type BundleOptions } from '@heli/production-build';
import { startChild } from './child-process.js';
import type { DevStackEnv } from './env.js';
import type { Supervisor } from './supervisor.js';
import { httpOk, waitUntil } from './wait-until.js';

/**
 * Builds every part a Heli runs — the embedded MongoDB, the subgraphs, the gateway — with esbuild,
 * only what changed since the last build, so no process transpiles at run time (ADR 017).
 * True when something was built.
 */
export async function buildHeliParts(
  root: string,
  services: readonly SubgraphService[],
): Promise<boolean> {
  const builds: BundleOptions[] = [
    { packageDir: join(root, 'packages/embedded-mongo'), entries: { cli: 'src/cli.ts' } },
    ...services.map((s) => ({ packageDir: s.dir, entries: { index: 'src/index.ts' } })),
    {
      packageDir: join(root, 'gateway'),
      entries: { index: 'src/index.ts', worker: 'src/worker.ts' },
      workspaceWithoutSideEffects: true,
    },
  ];
  return (await Promise.all(builds.map((options) => bundleWhenChanged(options)))).some(Boolean);
}

/** The ports one Heli listens on, `shift` above those of `pnpm start`, for `assertPortsFree`. */
export function heliPorts(
  env: Pick<DevStackEnv, 'MONGODB_URI' | 'EMBEDDED_MONGO_PORT' | 'GATEWAY_PORT'>,
  services: readonly SubgraphService[],
  shift: number,
  label = '',
): { what: string; port: number }[] {
  return [
    ...(env.MONGODB_URI
      ? []
      : [
          {
            what: `${label}embedded MongoDB (EMBEDDED_MONGO_PORT)`,
            port: env.EMBEDDED_MONGO_PORT + shift,
          },
        ]),
    ...services.map((s) => ({
      what: `${label}${s.name} subgraph (services/${s.name}/package.json)`,
      port: s.port + shift,
    })),
    { what: `${label}gateway (GATEWAY_PORT)`, port: env.GATEWAY_PORT + shift },
  ];
}

export interface HeliStackOptions {
  root: string;
  env: DevStackEnv;
  services: readonly SubgraphService[];
  /** Added to every port of `pnpm start`: 0, or 100 per further office. */
  portShift: number;
  /** Before each part's name in the terminal and its log file: '' or 'daoli-'. */
  namePrefix: string;
  /** Where the embedded MongoDB keeps its data and the supergraph file is written. */
  dataDir: string;
  logDir: string;
  /** JWT_SECRET / JWT_ISSUER / JWT_AUDIENCE of this Heli: its subgraphs and gateway share them. */
  jwt: Record<string, string>;
  /** More variables for every subgraph (an office's NATS namespace and liaison configuration). */
  subgraphEnv?: Record<string, string>;
  /** More variables for the gateway. */
  gatewayEnv?: Record<string, string>;
  /** The console's build: done now (its folder), or a promise of it; the gateway serves it. */
  console: { dirNow: string | undefined; build: Promise<string> };
  supervisor: Supervisor;
  echo: (line: string) => void;
  minLevel: number;
  elapsed: () => string;
}

/**
 * Starts one whole Heli from its production builds: the embedded MongoDB (unless MONGODB_URI),
 * responsibility and the gateway at once, the other subgraphs once responsibility is ready (their
 * demo data names its organisation, which they learn from its events). The subgraphs wait for
 * MongoDB in their driver; the gateway runs from a supergraph composed here from the SDL files, so
 * it needs no subgraph to start. A gateway started before the console was built is restarted to
 * serve it once it is.
 */
export function startHeliStack(o: HeliStackOptions): {
  gatewayUrl: string;
  subgraphPorts: Record<string, number>;
  /** True once every subgraph answers /ready (its start-up work, demo data, is done). */
  allReady: () => Promise<boolean>;
} {
  const { env, root, supervisor, echo } = o;
  mkdirSync(o.logDir, { recursive: true });
  const built = (entry: string, ...args: string[]) => ({
    command: process.execPath,
    args: [join(root, entry), ...args],
  });
  const start = (
    name: string,
    command: { command: string; args: string[] },
    childEnv: Record<string, string | undefined>,
  ) =>
    supervisor.supervise(
      startChild({
        name: o.namePrefix + name,
        ...command,
        env: childEnv,
        logDir: o.logDir,
        echo,
        minLevel: o.minLevel,
      }),
      join(o.logDir, `${o.namePrefix}${name}.log`),
    );
  const portOf = (service: SubgraphService) => service.port + o.portShift;

  let mongoUri = env.MONGODB_URI;
  if (!mongoUri) {
    const mongoDir = join(o.dataDir, 'mongo');
    mkdirSync(mongoDir, { recursive: true });
    const port = env.EMBEDDED_MONGO_PORT + o.portShift;
    start(
      'mongo',
      built('packages/embedded-mongo/dist/cli.js', '--port', String(port), '--data-dir', mongoDir),
      {},
    );
    // The subgraphs start meanwhile; their driver waits for the server (this long, on a busy machine).
    mongoUri = `mongodb://127.0.0.1:${port}/?directConnection=true&serverSelectionTimeoutMS=180000`;
    echo(`[${o.namePrefix}stack] embedded MongoDB on 127.0.0.1:${port}, data in ${mongoDir}`);
  }

  const startSubgraph = (service: SubgraphService) =>
    start(service.name, built(join('services', service.name, 'dist/index.js')), {
      PORT: String(portOf(service)),
      MONGODB_URI: mongoUri,
      NATS_URL: env.NATS_URL,
      LOG_LEVEL: env.LOG_LEVEL,
      DEMO_DATA: 'true',
      ...o.jwt,
      ...o.subgraphEnv,
    });
  const owner = o.services.find((s) => s.name === 'responsibility');
  if (owner) startSubgraph(owner);
  void (async () => {
    if (owner)
      await waitUntil(
        'responsibility',
        httpOk(`http://127.0.0.1:${portOf(owner)}/ready`),
        10 * 60_000,
      );
    if (!supervisor.stopping)
      for (const service of o.services) if (service !== owner) startSubgraph(service);
  })().catch((error: unknown) => {
    echo(`[${o.namePrefix}stack] ${error instanceof Error ? error.message : String(error)}`);
    void supervisor.shutdown(1);
  });

  const urls = Object.fromEntries(
    o.services.map((s) => [s.name, `http://127.0.0.1:${portOf(s)}/graphql`]),
  );
  const { subgraphs, problems } = discoverSubgraphs(join(root, 'services'), urls);
  const composition =
    problems.length === 0
      ? composeSupergraph(subgraphs.filter((subgraph) => subgraph.name in urls))
      : undefined;
  if (!composition?.ok) {
    const errors =
      problems.length > 0 ? problems : composition?.ok === false ? composition.errors : [];
    throw new Error(
      `composition failed:\n${errors.map((e) => `  ${e.code}: ${e.message}`).join('\n')}`,
    );
  }
  mkdirSync(o.dataDir, { recursive: true });
  const supergraphPath = join(o.dataDir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composition.supergraphSdl);

  const gatewayPort = env.GATEWAY_PORT + o.portShift;
  // The console's notification stream is relayed by the gateway from this subgraph.
  const notifications = o.services.find((s) => s.name === 'notifications');
  const startGateway = (consoleDir: string | undefined) =>
    start('gateway', built('gateway/dist/index.js'), {
      PORT: String(gatewayPort),
      SUPERGRAPH_PATH: supergraphPath,
      LOG_LEVEL: env.LOG_LEVEL,
      GATEWAY_WORKERS: String(env.GATEWAY_WORKERS),
      CONSOLE_DIR: consoleDir,
      DEV_SIGN_IN: 'true',
      ...(notifications && { NOTIFICATIONS_URL: `http://127.0.0.1:${portOf(notifications)}` }),
      ...o.jwt,
      ...o.gatewayEnv,
    });
  let gateway = startGateway(o.console.dirNow);
  if (o.console.dirNow === undefined) {
    // A first start (or changed console sources): the gateway answers queries at once and is
    // restarted to serve the console when its build is done.
    void o.console.build.then(
      async (consoleDir) => {
        if (supervisor.stopping) return;
        await supervisor.replace(gateway);
        gateway = startGateway(consoleDir);
        echo(`[${o.namePrefix}stack] console built; the gateway serves it now (${o.elapsed()})`);
      },
      (error: unknown) => {
        echo(`[${o.namePrefix}stack] the console could not be built: ${String(error)}`);
        void supervisor.shutdown(1);
      },
    );
  }

  // A subgraph once ready is not asked again: each /ready pings MongoDB, which on a busy machine
  // only slows the demo data still loading elsewhere.
  const ready = new Set<string>();
  const allReady = async () => {
    await Promise.all(
      o.services
        .filter((s) => !ready.has(s.name))
        .map(async (s) => {
          if (await httpOk(`http://127.0.0.1:${portOf(s)}/ready`)().catch(() => false))
            ready.add(s.name);
        }),
    );
    return ready.size === o.services.length;
  };
  return {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    subgraphPorts: Object.fromEntries(o.services.map((s) => [s.name, portOf(s)])),
    allReady,
  };
}

/**
 * The console's build, started now: `dirNow` is its folder when it was already current (it then
 * resolves before any I/O callback), undefined when it is being built.
 */
export async function consoleBuildOf(
  ensureBuilt: () => Promise<string>,
): Promise<{ dirNow: string | undefined; build: Promise<string> }> {
  const build = ensureBuilt();
  build.catch(() => {});
  const dirNow = await Promise.race([
    build,
    new Promise<undefined>((r) => setImmediate(() => r(undefined))),
  ]);
  return { dirNow, build };
}
