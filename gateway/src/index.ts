import cluster, { type Worker } from 'node:cluster';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, installGracefulShutdown, loadEnvOrExit } from '@heli/service-kit';
import { batchedStdout } from './batched-log-destination.js';
import { gatewayEnvSchema, gatewayEnvSource } from './env.js';

// Entry point: the primary process only supervises; each worker (worker.ts) is a whole gateway
// listening on the same port (node:cluster hands incoming connections to the workers), so every
// core plans and executes queries. The primary imports the environment's schema and the logger,
// nothing of the server (Apollo, the gateway, tracing, GraphiQL's assets): in the primary that
// module graph cost seconds before the first fork and ~100 MB it never used.

const env = loadEnvOrExit(gatewayEnvSchema, gatewayEnvSource());
const logOutput = batchedStdout();
const logger = createLogger({ service: 'gateway', level: env.LOG_LEVEL, destination: logOutput });

/** How long workers get to finish in-flight requests on SIGTERM before the process gives up. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * The young generation's semi-space per worker, in MB. V8's default on 64-bit (16 MB, two of them)
 * grows during start-up — building the schema and the query planner allocates a lot — and stays:
 * about 20 MB of a worker's resident memory that an idle gateway never uses again. 8 MB keeps that
 * saving; 4 MB kept it too but scavenged so often under load that q1 lost a third of its
 * throughput (measured side by side: docs/adr/015).
 */
const WORKER_SEMI_SPACE_MB = 8;

// worker.ts beside src/index.ts (tsx, which the workers inherit through execArgv), worker.js
// beside dist/index.js (the production build). The script started, not import.meta.url: in the
// build, import.meta.url names the source file (@heli/production-build).
const entry = resolve(process.argv[1] ?? fileURLToPath(import.meta.url));
cluster.setupPrimary({
  exec: join(dirname(entry), `worker${extname(entry)}`),
  // The flags and arguments of this process, so `--supergraph <file>` reaches the workers too.
  // Node's flags after the young generation's size, so an operator's own setting wins.
  execArgv: [`--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`, ...process.execArgv],
  args: process.argv.slice(2),
});

/** A worker crashing more often than this is broken, not unlucky: stop restarting it. */
const MAX_RESTARTS_PER_MINUTE = 10;

runPrimary();

function runPrimary(): void {
  let stopping = false;
  const restarts: number[] = [];

  // A worker that dies before listening could not start (no supergraph, port taken, …); starting
  // another would fail the same way, so the whole gateway stops with that worker's error in the log.
  const listened = new WeakSet<Worker>();
  cluster.on('listening', (worker) => listened.add(worker));

  for (let i = 0; i < env.GATEWAY_WORKERS; i += 1) cluster.fork();
  logger.info(
    { workers: env.GATEWAY_WORKERS, supergraph: env.supergraph },
    'gateway primary started',
  );

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listened.has(worker)) {
      logger.fatal(
        { workerPid: worker.process.pid, code, signal },
        'gateway worker failed to start; stopping',
      );
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    logger.error(
      { workerPid: worker.process.pid, code, signal },
      'gateway worker died; starting a new one',
    );
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && (restarts[0] ?? now) < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      logger.fatal({ restarts: restarts.length }, 'gateway workers keep dying; giving up');
      process.exit(1);
    }
    cluster.fork();
  });

  installGracefulShutdown({
    logger,
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    steps: [
      {
        name: 'workers',
        run: async () => {
          stopping = true;
          const workers = Object.values(cluster.workers ?? {}).filter(
            (w): w is Worker => w !== undefined,
          );
          await Promise.all(
            workers.map(
              (worker) =>
                new Promise<void>((resolve) => {
                  if (worker.isDead()) return resolve();
                  worker.once('exit', () => resolve());
                  // Each worker runs its own graceful shutdown on SIGTERM.
                  worker.process.kill('SIGTERM');
                }),
            ),
          );
        },
      },
    ],
  });
}
