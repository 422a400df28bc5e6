import { createLogger, installGracefulShutdown, loadEnvOrExit } from '@heli/service-kit';
import { startTracing } from '@heli/telemetry';
import { batchedStdout } from './batched-log-destination.js';
import { gatewayEnvSchema, gatewayEnvSource } from './env.js';
import { createGatewayServer, type GatewayServer } from './server.js';

// One gateway worker, forked by the supervisor (index.ts): the whole server on the port the
// workers share.

const env = loadEnvOrExit(gatewayEnvSchema, gatewayEnvSource());
const logOutput = batchedStdout();
const logger = createLogger({ service: 'gateway', level: env.LOG_LEVEL, destination: logOutput });

/** How long the worker gets to finish in-flight requests on SIGTERM. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

await runWorker();

async function runWorker(): Promise<void> {
  const workerLogger = logger.child({ workerPid: process.pid });
  const tracing = startTracing('gateway', env);
  let gateway: GatewayServer;
  try {
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
