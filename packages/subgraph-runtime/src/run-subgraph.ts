import type { z } from 'zod';
import { createLogger, installGracefulShutdown, loadEnvOrExit } from '@heli/service-kit';
import { startTracing } from '@heli/telemetry';
import { createSubgraphServer, type SubgraphServer } from './create-subgraph-server.js';
import { runDeadLetterCommand } from './dead-letter-command.js';
import type { SubgraphDefinition } from './define-subgraph.js';
import { subgraphEnvSchema, type SubgraphEnv } from './subgraph-env.js';

const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * Everything a service's `src/index.ts` does: read the environment (exiting 1 with every bad
 * variable named), build the subgraph, install graceful shutdown, listen.
 *
 *   await runSubgraph(responsibilitySubgraph);
 *
 * A service with extra variables passes its own schema, built from `subgraphEnv`.
 *
 * Started with `dead-letters …` arguments it is the operator's dead-letter tool instead: it builds
 * the subgraph without listening (so no consumer or relay runs), lists, replays or discards, and
 * exits (dead-letter-command.ts).
 */
export async function runSubgraph<TModels, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  { envSchema = subgraphEnvSchema }: { envSchema?: z.ZodType<SubgraphEnv> } = {},
): Promise<SubgraphServer<TModels>> {
  const env = loadEnvOrExit(envSchema);
  const [command, ...args] = process.argv.slice(2);
  if (command === 'dead-letters') {
    const logger = createLogger({ service: definition.name, level: 'warn' });
    const subgraph = await createSubgraphServer(definition, env, { logger });
    const status = await runDeadLetterCommand(subgraph.deadLetters, args, (line) =>
      process.stdout.write(`${line}\n`),
    );
    await subgraph.close();
    process.exit(status);
  }
  const logger = createLogger({ service: definition.name, level: env.LOG_LEVEL });
  const tracing = startTracing(definition.name, env);
  let subgraph: SubgraphServer<TModels>;
  try {
    subgraph = await createSubgraphServer(definition, env, { logger });
  } catch (error) {
    logger.fatal({ err: error }, 'subgraph failed to start');
    process.exit(1);
  }
  installGracefulShutdown({
    logger,
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    steps: [...subgraph.shutdownSteps, { name: 'tracing', run: () => tracing.shutdown() }],
  });
  try {
    await subgraph.listen();
  } catch (error) {
    logger.fatal({ err: error }, 'subgraph failed to start listening');
    await subgraph.close();
    process.exit(1);
  }
  return subgraph;
}
