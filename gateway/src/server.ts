import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, type SupergraphManager } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import {
  AuthError,
  bearerToken,
  createTokenVerifier,
  tokenVerifierConfig,
  type TokenVerifier,
} from '@heli/auth';
import {
  apolloQueryLimits,
  httpResponseLimits,
  listSizeHintsFromSdl,
  queryLimitsFromEnv,
  type ListSizeHints,
} from '@heli/query-limits';
import {
  closeHttpServer,
  createHttpServer,
  createLogger,
  currentRequestId,
  graphqlHandler,
  sendJson,
  type Logger,
  type RequestScope,
} from '@heli/service-kit';
import { graphqlErrorMetricsPlugin } from '@heli/telemetry';
import { AuthForwardingDataSource, type GatewayContext } from './auth-forwarding.js';
import { disableApolloTelemetry, type GatewayEnv } from './env.js';
import { consoleSite } from './console-site.js';
import { createErrorMasker } from './error-masking.js';
import { ideAssetRoutes, wantsIdePage } from './graphiql-page.js';
import { NOTIFICATION_STREAM_PATH, notificationStreamProxy } from './notification-stream-proxy.js';
import type { RegistrySupergraphSource } from './registry-supergraph-source.js';
import { withInFlightDeduplication } from './inflight-dedup.js';
import { createSubgraphFetcher } from './subgraph-fetcher.js';
import { withVerifiedTokenCache } from './verified-token-cache.js';
import { SupergraphFileSource, type SupergraphReloadOutcome } from './supergraph-source.js';

export const GRAPHQL_PATH = '/graphql';

/** In-flight requests get this long to finish when the gateway closes; then connections are cut. */
const CLOSE_GRACE_MS = 10_000;

/**
 * A verified token is trusted again for at most this long (and never past its `exp`) without
 * redoing the signature check; see verified-token-cache.ts. Well inside the ten minutes jose keeps
 * a fetched JWKS, so a withdrawn signing key is not honoured any longer than it already is.
 */
const VERIFIED_TOKEN_TRUST_MS = 60_000;

/** Distinct tokens remembered per worker: a few MB at most, far more than concurrent sessions. */
const VERIFIED_TOKENS_REMEMBERED = 10_000;

export interface GatewayServer {
  /** The HTTP server; not listening until `listen` is called. */
  server: Server;
  /** Starts listening (default: env PORT on env HOST) and resolves with the GraphQL endpoint URL. */
  listen(port?: number): Promise<string>;
  /** The GraphQL endpoint URL; only valid once listening. */
  url(): string;
  /** Stops accepting requests, lets in-flight ones finish, stops the gateway and the file watch. */
  close(): Promise<void>;
  /** Re-reads the supergraph file now; present only when running from a file. */
  reload?: () => Promise<SupergraphReloadOutcome>;
  /** Called after each reload attempt (file or registry); absent when composing from running subgraphs. */
  onSupergraphReload?: (listener: (outcome: SupergraphReloadOutcome) => void) => () => void;
}

/**
 * Builds the gateway: Apollo Gateway on Apollo Server behind service-kit's HTTP server. Resolves
 * once the supergraph is loaded (so a gateway that cannot load its schema fails at start-up, not on
 * the first request). It never listens by itself.
 *
 * A request to /graphql goes: IDE page for a browser → token verified (401 UNAUTHENTICATED
 * otherwise, before any parsing or planning) → Apollo (CSRF prevention, validation, query limits,
 * planning) → subgraphs with the caller's token and request id → errors masked.
 */
export async function createGatewayServer(
  env: GatewayEnv,
  opts: { logger?: Logger } = {},
): Promise<GatewayServer> {
  const logger = opts.logger ?? createLogger({ service: 'gateway', level: env.LOG_LEVEL });
  const verifyToken = withVerifiedTokenCache(createTokenVerifier(tokenVerifierConfig(env)), {
    maxEntries: VERIFIED_TOKENS_REMEMBERED,
    maxAgeMs: VERIFIED_TOKEN_TRUST_MS,
  });

  disableApolloTelemetry();
  const supergraph = await supergraphSourceFor(env, logger);
  const supergraphFile = supergraph.file;
  // One connection pool for every subgraph, across supergraph reloads. Neither Apollo's default
  // make-fetch-happen (its agent builds an Error stack per request to tell http from https) nor
  // Node's fetch (a WHATWG stream pipeline per request): see subgraph-fetcher.ts.
  const limits = queryLimitsFromEnv(env);
  // No subgraph answer is awaited longer than a whole request may take.
  const subgraphs = createSubgraphFetcher({
    timeoutMs: limits.timeBudgetMs,
    ...(env.GATEWAY_SIGNING_SECRET !== undefined && { signingSecret: env.GATEWAY_SIGNING_SECRET }),
  });
  const fetcher = env.DEDUPLICATE_SUBGRAPH_QUERIES
    ? withInFlightDeduplication(subgraphs.fetcher).fetcher
    : subgraphs.fetcher;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.manager,
    buildService: ({ url }) => new AuthForwardingDataSource({ url, fetcher }),
    logger: logger.child({ component: 'apollo-gateway' }),
  });
  // The API schema Apollo hands plugins has lost the subgraphs' `@listSize` hints; the supergraph has them.
  let listSizeHints: ListSizeHints | undefined;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    listSizeHints = listSizeHintsFromSdl(coreSupergraphSdl);
  });
  const queryLimits = apolloQueryLimits<GatewayContext>(limits, {
    listSizeHints: () => listSizeHints,
  });
  const responseLimits = httpResponseLimits(limits);

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger: logger.child({ component: 'apollo-server' }),
    // Analysts explore the graph ad hoc; only authenticated callers get this far.
    introspection: true,
    csrfPrevention: true,
    parseOptions: queryLimits.parseOptions,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError: createErrorMasker({
      requestId: currentRequestId,
      logInternal: (error, formatted) =>
        logger.error({ err: error, graphqlError: formatted }, 'internal error masked'),
    }),
    plugins: [
      ...queryLimits.plugins,
      graphqlErrorMetricsPlugin(),
      // The gateway serves its own offline IDE instead of Apollo's CDN-hosted landing page.
      ApolloServerPluginLandingPageDisabled(),
      // Nothing leaves the office network, even if an APOLLO_KEY finds its way into the environment.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // No cache hints anywhere (the subgraphs switch them off too): no cache policy to work out
      // per request, and no cache-control header on answers that are one person's data.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  let closing = false;
  const callers = new WeakMap<IncomingMessage, GatewayContext>();
  const serveGraphql = graphqlHandler(apollo, {
    context: async (req) => {
      const caller = callers.get(req);
      // Unreachable: the route below only hands authenticated requests to Apollo.
      if (!caller) throw new Error('request reached Apollo without a verified caller');
      return caller;
    },
    limits: responseLimits,
  });

  // The web console and its development sign-in, when configured (console-site.ts).
  const site = consoleSite(env, GRAPHQL_PATH);
  const notificationStreams = notificationStreamProxy(env.NOTIFICATIONS_URL);
  const server = createHttpServer({
    logger,
    bodyLimitBytes: limits.maxBodyBytes,
    readinessChecks: [
      {
        name: 'supergraph',
        // Loaded before this server exists; not ready any more once closing, so traffic drains away.
        check: async () => {
          if (closing) throw new Error('the gateway is shutting down');
        },
      },
    ],
    routes: {
      ...ideAssetRoutes(),
      '/': async (req, res, scope) => {
        if (wantsIdePage(req)) await site.serveIde(req, res, scope);
        else sendJson(res, 404, { error: `GraphQL is served at ${GRAPHQL_PATH}` });
      },
      ...site.routes,
      [NOTIFICATION_STREAM_PATH]: (req, res, scope) =>
        notificationStreams.handle(
          req,
          res,
          scope,
          async () => (await authenticate(req, res, scope, verifyToken, logger)) !== undefined,
        ),
    },
    ...(site.fallback && { fallback: site.fallback }),
    graphql: {
      path: GRAPHQL_PATH,
      handle: async (req, res, scope) => {
        if (wantsIdePage(req)) return site.serveIde(req, res, scope);
        const caller = await authenticate(req, res, scope, verifyToken, logger);
        if (!caller) return;
        callers.set(req, caller);
        await serveGraphql(req, res, scope);
      },
    },
  });

  let listeningUrl: string | undefined;
  return {
    server,
    async listen(port = env.PORT) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, env.HOST, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      listeningUrl = `http://${host}:${address.port}${GRAPHQL_PATH}`;
      logger.info({ url: listeningUrl }, 'gateway listening');
      return listeningUrl;
    },
    url() {
      if (!listeningUrl) throw new Error('the gateway is not listening yet');
      return listeningUrl;
    },
    async close() {
      closing = true;
      notificationStreams.closeAll();
      await closeHttpServer(server, { forceAfterMs: CLOSE_GRACE_MS });
      await apollo.stop();
      await subgraphs.close();
    },
    ...(supergraphFile
      ? {
          reload: () => supergraphFile.reload(),
          onSupergraphReload: (listener: (outcome: SupergraphReloadOutcome) => void) =>
            supergraphFile.onReload(listener),
        }
      : {}),
    ...(supergraph.registry && {
      onSupergraphReload: supergraph.registry.onReload.bind(supergraph.registry),
    }),
  };
}

/**
 * Where the supergraph comes from: the watched file, the schema registry, or (development) the
 * running subgraphs. The registry (NATS, composition) and the running-subgraphs source are
 * imported only when chosen: a gateway serving a file loads neither.
 */
async function supergraphSourceFor(
  env: GatewayEnv,
  logger: Logger,
): Promise<{
  manager: SupergraphManager;
  file?: SupergraphFileSource;
  registry?: RegistrySupergraphSource;
}> {
  if (env.supergraph.kind === 'registry') {
    const { RegistrySupergraphSource } = await import('./registry-supergraph-source.js');
    const registry = new RegistrySupergraphSource({
      natsUrl: env.supergraph.natsUrl,
      namespace: env.HELI_NAMESPACE,
      replicas: env.SCHEMA_REGISTRY_REPLICAS,
      logger,
    });
    return { manager: registry, registry };
  }
  if (env.supergraph.kind === 'file') {
    const file = new SupergraphFileSource(env.supergraph.path, { logger });
    return { manager: file, file };
  }
  // env.ts refuses SUBGRAPH_URLS without JWT_SECRET; this guards callers that build env by hand.
  if (env.JWT_SECRET === undefined) {
    throw new Error('SUBGRAPH_URLS needs JWT_SECRET to fetch the subgraphs’ SDL');
  }
  const { runningSubgraphsSource } = await import('./running-subgraphs-source.js');
  return {
    manager: runningSubgraphsSource(env.supergraph.subgraphs, {
      secret: env.JWT_SECRET,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
    }),
  };
}

/** The verified caller, or undefined after answering 401 (or 503 when the signing keys cannot be fetched). */
async function authenticate(
  req: IncomingMessage,
  res: ServerResponse,
  scope: RequestScope,
  verifyToken: TokenVerifier,
  logger: Logger,
): Promise<GatewayContext | undefined> {
  try {
    const token = bearerToken(req.headers.authorization);
    return { token, viewer: await verifyToken(token), requestId: scope.requestId };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (error.failure === 'KEYS_UNAVAILABLE') {
      logger.error({ err: error }, 'token signing keys unavailable');
      sendJson(res, 503, {
        errors: [
          {
            message: 'Sign-in is unavailable right now; try again shortly',
            extensions: { code: 'SERVICE_UNAVAILABLE', requestId: scope.requestId },
          },
        ],
      });
      return undefined;
    }
    res.setHeader('www-authenticate', 'Bearer');
    sendJson(res, 401, {
      errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }],
    });
    return undefined;
  }
}
