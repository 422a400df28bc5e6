import cluster, { type Worker } from 'node:cluster';
import { createLogger, installGracefulShutdown, loadEnvOrExit } from '@heli/service-kit';
import { startTracing } from '@heli/telemetry';
import { batchedStdout } from './batched-log-destination.js';
import { gatewayEnvSchema, gatewayEnvSource } from './env.js';
import type { GatewayServer } from './server.js';

// Entry point: the primary process only supervises; each worker is a whole gateway listening on the
// same port (node:cluster hands incoming connections to the workers), so every core plans and
// executes queries. Only workers import the server (Apollo, the gateway, GraphiQL's assets): in
// the primary that module graph cost seconds before the first fork and ~100 MB it never used.

const env = loadEnvOrExit(gatewayEnvSchema, gatewayEnvSource());
const logOutput = batchedStdout();
const logger = createLogger({ service: 'gateway', level: env.LOG_LEVEL, destination: logOutput });

/** How long workers get to finish in-flight requests on SIGTERM before the process gives up. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/** A worker crashing more often than this is broken, not unlucky: stop restarting it. */
const MAX_RESTARTS_PER_MINUTE = 10;

if (cluster.isPrimary) {
  runPrimary();
} else {
  await runWorker();
}

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

async function runWorker(): Promise<void> {
  const workerLogger = logger.child({ workerPid: process.pid });
  const tracing = startTracing('gateway', env);
  let gateway: GatewayServer;
  try {
    const { createGatewayServer } = await import('./server.js');
    gateway = await createGatewayServer(env, { logger: workerLogger });
  } catch (error) {
    workerLogger.fatal({ err: error }, 'gateway worker could not start');
    process.exit(1);
  }
  installGracefulShutdown({
    logger: workerLogger,
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    // SIGINT too: Ctrl-C reaches every process of the terminal's group at once. The primary stops
    // restarting workers as soon as it gets the signal, and its own SIGTERM then finds them already
    // shutting down.
    steps: [
      { name: 'gateway', run: () => gateway.close() },
      { name: 'tracing', run: () => tracing.shutdown() },
    ],
  });
  await gateway.listen();
  // Whoever started the gateway may be waiting for this line; it need not wait for the next batch.
  logOutput.flush();
}
