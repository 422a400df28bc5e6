import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import mongoose from 'mongoose';
import { connect, type NatsConnection } from 'nats';
import { createTokenVerifier, tokenVerifierConfig } from '@heli/auth';
import { apolloQueryLimits, httpResponseLimits, queryLimitsFromEnv } from '@heli/query-limits';
import {
  createEventConsumer,
  createOutbox,
  createOutboxRelay,
  deadLetters,
  type DeadLetterStore,
} from '@heli/event-bus';
import { graphqlErrorMetricsPlugin } from '@heli/telemetry';
import { eventMetrics } from './event-metrics.js';
import {
  closeHttpServer,
  createHttpServer,
  createLogger,
  graphqlHandler,
  type Logger,
  type ShutdownStep,
} from '@heli/service-kit';
import { createContext } from './context.js';
import type {
  Outbox,
  SubgraphContext,
  SubgraphDefinition,
  SubgraphRuntime,
} from './define-subgraph.js';
import { entityRepresentationsPlugin } from './entities/entity-representations.js';
import { createErrorFormatter } from './errors/format-error.js';
import { unstorableTextPlugin } from './input/unstorable-text.js';
import { requireGateway } from './http/require-gateway.js';
import { requireViewer } from './http/require-viewer.js';
import { cachedViewerResolver } from './http/viewer-cache.js';
import { mongoReadiness, natsReadiness, startupReadiness } from './readiness-checks.js';
import { buildDefinitionSchema } from './schema/build-definition-schema.js';
import type { SubgraphEnv } from './subgraph-env.js';

export const GRAPHQL_PATH = '/graphql';

/** The longest an idle outbox relay waits between two looks at the outbox. */
const OUTBOX_IDLE_POLL_MS = 4_000;

export interface SubgraphServer<TModels = unknown> {
  /** The node HTTP server; not listening until `listen` is called. */
  server: Server;
  /**
   * Listens (port 0 = a free port; defaults PORT and HOST), starts the outbox relay and event
   * consumers, runs `onReady` (before the consumers with `consumeAfterStartup`), and resolves with the GraphQL endpoint URL, e.g.
   * `http://127.0.0.1:4001/graphql`.
   */
  listen(port?: number, host?: string): Promise<string>;
  /** The GraphQL endpoint URL; throws before `listen`. */
  url(): string;
  /** Runs `shutdownSteps` in order; calling it again returns the same run. */
  close(): Promise<void>;
  /**
   * Close HTTP (in-flight requests finish), stop consumers, stop the relay, drain NATS, close
   * MongoDB — in that order, for `installGracefulShutdown`.
   */
  shutdownSteps: readonly ShutdownStep[];
  runtime: SubgraphRuntime<TModels>;
  conn: mongoose.Connection;
  outbox: Outbox;
  logger: Logger;
  /** This service's dead letters, replayed through the same handlers its consumers run. */
  deadLetters: DeadLetterStore;
}

/**
 * Builds a subgraph from its definition: connects to its own MongoDB database and to NATS,
 * builds the federated schema, and wires auth, request ids, error masking, the outbox relay and
 * event consumers. It never listens by itself, so tests run it in-process on port 0.
 */
export async function createSubgraphServer<TModels, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  env: SubgraphEnv,
  options: { logger?: Logger } = {},
): Promise<SubgraphServer<TModels>> {
  const logger = options.logger ?? createLogger({ service: definition.name, level: env.LOG_LEVEL });
  // A mistake in the SDL or resolvers fails here, before anything is connected.
  const schema = buildDefinitionSchema(definition);

  // Otherwise every query captures `new Error().stack` when it runs, only to name where it was
  // created should it be executed twice — with tsx's source maps that was 3.5% of a subgraph's
  // CPU on a one-`find` `_entities` request.
  mongoose.set('skipOriginalStackTraces', true);
  const conn = mongoose.createConnection(env.MONGODB_URI, {
    dbName: env.MONGODB_DB ?? definition.name,
  });
  await conn.asPromise();
  let nats: NatsConnection;
  try {
    nats = await connect({
      servers: env.NATS_URL.split(','),
      name: definition.name,
      // Once connected, never give up reconnecting: the outbox keeps events meanwhile.
      maxReconnectAttempts: -1,
    });
  } catch (error) {
    await conn.close();
    throw new Error(`Cannot connect to NATS at ${env.NATS_URL}`, { cause: error });
  }

  try {
    return await assemble(definition, env, { logger, schema, conn, nats });
  } catch (error) {
    await nats.close();
    await conn.close();
    throw error;
  }
}

async function assemble<TModels, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  env: SubgraphEnv,
  {
    logger,
    schema,
    conn,
    nats,
  }: { logger: Logger; schema: GraphQLSchema; conn: mongoose.Connection; nats: NatsConnection },
): Promise<SubgraphServer<TModels>> {
  const { name, currentViewer } = definition;
  const namespace = env.HELI_NAMESPACE;
  const models = definition.models ? definition.models(conn) : (undefined as TModels);
  const outbox = createOutbox(conn, { source: name, namespace, logger });
  const runtime: SubgraphRuntime<TModels> = { name, env, logger, conn, models, outbox, nats };

  const streamReplicas = env.NATS_STREAM_REPLICAS;
  const relay = createOutboxRelay({
    conn,
    nc: nats,
    namespace,
    logger,
    streamReplicas,
    // This process's own commits wake the relay at once; polling only finds records another
    // process wrote (a replica that died before publishing, a seeding script). Polling 4× a second
    // regardless was most of an idle subgraph's CPU and of the database's.
    idlePollMs: OUTBOX_IDLE_POLL_MS,
  });
  const consumers = (definition.eventHandlers?.(runtime) ?? []).map(({ consumerName, handlers }) =>
    createEventConsumer({
      conn,
      nc: nats,
      namespace,
      consumerName,
      handlers,
      logger,
      streamReplicas,
    }),
  );

  // The same limits as the gateway, whoever calls: a subgraph's port may be reachable directly.
  const limits = queryLimitsFromEnv(env);
  const queryLimits = apolloQueryLimits<SubgraphContext<TLoaders, TModels>>(limits, {
    stopResolversAfterBudget: true,
  });
  const apollo = new ApolloServer<SubgraphContext<TLoaders, TModels>>({
    schema,
    parseOptions: queryLimits.parseOptions,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // Only authenticated callers get this far; analysts and tools rely on introspection.
    introspection: true,
    // Whoever owns the process handles its signals: runSubgraph's graceful shutdown stops Apollo
    // in its turn (after HTTP has finished in-flight requests). Apollo's own handler would stop it
    // first and re-raise the signal, and every in-process subgraph (tests, benches) would add one.
    stopOnTerminationSignals: false,
    // Nothing Apollo would add by default serves a subgraph behind Heli's gateway, and each costs
    // per request: federated traces (usage reporting is off at the gateway), cache-control hints
    // (no cache reads them; the plugin wraps every field's resolver to compute them), usage and
    // schema reporting (would start with an APOLLO_KEY in the environment), the landing page.
    plugins: [
      ...queryLimits.plugins,
      graphqlErrorMetricsPlugin(),
      entityRepresentationsPlugin(schema),
      unstorableTextPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ],
    logger: logger.child({ component: 'apollo' }),
  });
  await apollo.start();

  let started = false;
  const responseLimits = httpResponseLimits(limits);
  const resolveViewer = cachedViewerResolver(
    createTokenVerifier(tokenVerifierConfig(env)),
    currentViewer ? (viewer) => currentViewer(viewer, runtime) : async (viewer) => viewer,
    { ttlMs: env.VIEWER_CACHE_MS },
  );
  const authenticated = requireViewer(resolveViewer, logger, (viewer) =>
    graphqlHandler(apollo, {
      context: async (_req, { requestId }) =>
        createContext(definition, runtime, { requestId, viewer }),
      limits: responseLimits,
    }),
  );
  const routes = {
    ...definition.routes?.(runtime),
    ...Object.fromEntries(
      Object.entries(definition.viewerRoutes?.(runtime) ?? {}).map(([path, handlerFor]) => [
        path,
        requireViewer(resolveViewer, logger, handlerFor),
      ]),
    ),
  };
  for (const path of [GRAPHQL_PATH, '/health', '/ready']) {
    if (path in routes) throw new Error(`Subgraph "${name}" may not replace the ${path} route`);
  }
  const server = createHttpServer({
    logger,
    bodyLimitBytes: limits.maxBodyBytes,
    routes,
    readinessChecks: [mongoReadiness(conn), natsReadiness(nats), startupReadiness(() => started)],
    graphql: {
      path: GRAPHQL_PATH,
      handle:
        env.GATEWAY_SIGNING_SECRET === undefined
          ? authenticated
          : requireGateway(env.GATEWAY_SIGNING_SECRET, logger, authenticated),
    },
  });

  let graphqlUrl: string | undefined;
  let relayStarted = false;
  const startedConsumers: typeof consumers = [];

  async function listen(port = env.PORT, host = env.HOST): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    graphqlUrl = endpointUrl(server.address() as AddressInfo);
    relay.start();
    relayStarted = true;
    const startConsumers = async () => {
      for (const consumer of consumers) {
        await consumer.start();
        startedConsumers.push(consumer);
      }
    };
    if (definition.consumeAfterStartup) {
      await definition.onReady?.(runtime);
      await startConsumers();
    } else {
      await startConsumers();
      await definition.onReady?.(runtime);
    }
    started = true;
    logger.info({ url: graphqlUrl }, 'subgraph listening');
    return graphqlUrl;
  }

  const stopEventMetrics = eventMetrics({
    service: name,
    conn,
    nats,
    namespace,
    consumerNames: consumers.map((c) => c.consumerName),
  });
  const shutdownSteps: ShutdownStep[] = [
    {
      name: 'http',
      run: async () => {
        await definition.onClose?.(runtime);
        await closeHttpServer(server);
        // Nothing scrapes /metrics any more; the gauges must not read a closing connection.
        stopEventMetrics();
      },
    },
    {
      name: 'event consumers',
      run: async () => {
        await Promise.all(startedConsumers.map((consumer) => consumer.stop()));
      },
    },
    { name: 'outbox relay', run: async () => (relayStarted ? relay.stop() : undefined) },
    { name: 'apollo', run: () => apollo.stop() },
    { name: 'nats', run: async () => (nats.isClosed() ? undefined : nats.drain()) },
    { name: 'mongodb', run: () => conn.close() },
  ];

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    closing ??= (async () => {
      for (const step of shutdownSteps) await step.run();
    })();
    return closing;
  }

  return {
    server,
    listen,
    url: () => {
      if (!graphqlUrl) throw new Error(`Subgraph ${name} is not listening yet`);
      return graphqlUrl;
    },
    close,
    shutdownSteps,
    runtime,
    conn,
    outbox,
    logger,
    deadLetters: deadLetters(
      conn,
      Object.fromEntries(consumers.map((c) => [c.consumerName, c.handlers])),
    ),
  };
}

function endpointUrl({ address, family, port }: AddressInfo): string {
  // A wildcard address is reachable on loopback, which is what callers of url() can rely on.
  let host = address;
  if (address === '0.0.0.0') host = '127.0.0.1';
  else if (address === '::') host = '[::1]';
  else if (family === 'IPv6') host = `[${address}]`;
  return `http://${host}:${port}${GRAPHQL_PATH}`;
}
