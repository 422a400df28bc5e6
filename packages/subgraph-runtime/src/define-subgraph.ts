import type { DocumentNode } from 'graphql';
import type { Connection } from 'mongoose';
import type { NatsConnection } from 'nats';
import type { HeliClaims } from '@heli/auth';
import type { EventHandlers, Outbox } from '@heli/event-bus';
import type { Logger, RouteHandler } from '@heli/service-kit';
import type { GeneratedResolverMap, GraphQLResolverMap } from './schema/resolver-map.js';
import type { SubgraphEnv } from './subgraph-env.js';

export type { EventHandlers, Outbox };

/** The long-lived parts of a running subgraph, shared by every request and event handler. */
export interface SubgraphRuntime<TModels = unknown> {
  name: string;
  env: SubgraphEnv;
  logger: Logger;
  /** This subgraph's own database connection (never mongoose's global default connection). */
  conn: Connection;
  models: TModels;
  outbox: Outbox;
  nats: NatsConnection;
}

/** What `createLoaders` may use; loaders are built per request, so they may depend on the viewer. */
export interface LoaderScope<TModels = unknown> {
  conn: Connection;
  models: TModels;
  viewer: HeliClaims;
}

/** The GraphQL context every resolver receives, built once per request by `createContext`. */
export interface SubgraphContext<TLoaders = unknown, TModels = unknown> {
  /** From the gateway's `x-request-id`, or created here; also on every log line and event. */
  requestId: string;
  /** The verified caller; a request without a valid token never reaches a resolver. */
  viewer: HeliClaims;
  loaders: TLoaders;
  /** Writes lines that carry `service` and `requestId`. */
  logger: Logger;
  conn: Connection;
  models: TModels;
  outbox: Outbox;
}

/** A durable consumer of other contexts' events, started when the subgraph listens. */
export interface EventSubscription {
  /** The durable JetStream consumer name; keep it stable, it is where progress is remembered. */
  consumerName: string;
  handlers: EventHandlers;
}

export interface SubgraphDefinition<TModels = unknown, TLoaders = unknown> {
  /** Service name: logger `service`, default database name, CloudEvents `source`. */
  name: string;
  /** One document per feature, each opening with its own `extend schema @link(...)`. */
  typeDefs: DocumentNode[];
  /**
   * One map per feature; two maps resolving the same field is an error at start-up. Services type
   * theirs with the `Resolvers` codegen writes from their SDL (`GeneratedResolverMap`); small
   * fixtures may write a plain Apollo resolver map and get the context typed from here.
   */
  resolvers: (GraphQLResolverMap<SubgraphContext<TLoaders, TModels>> | GeneratedResolverMap)[];
  /**
   * Registers the mongoose models on the subgraph's connection, once at start-up. They reach
   * resolvers as `ctx.models`, loaders as `scope.models`, event handlers and `onReady` as
   * `runtime.models`.
   */
  models?: (conn: Connection) => TModels;
  /** Fresh DataLoaders for each request; every entity lookup goes through one. */
  createLoaders: (scope: LoaderScope<TModels>) => TLoaders;
  /** Consumers of events; a function so handlers can close over the models. */
  eventHandlers?: (runtime: SubgraphRuntime<TModels>) => EventSubscription[];
  /**
   * The caller as the service's own records know them now, once per request after the token is
   * verified: the token's claims narrowed (see `viewerAsRecorded` in @heli/auth), or null for a
   * person no longer active, who is refused with 401. Without it the token's claims stand.
   */
  currentViewer?: (
    viewer: HeliClaims,
    runtime: SubgraphRuntime<TModels>,
  ) => Promise<HeliClaims | null>;
  /** Runs once after the subgraph listens and before it reports ready, e.g. to seed demo data. */
  onReady?: (runtime: SubgraphRuntime<TModels>) => Promise<void>;
  /**
   * Start the event consumers only after `onReady`, for a service whose start-up work creates
   * what incoming events name: responsibility's demo organisation, which other services' demo
   * instructions refer to (otherwise each is refused and retried until it exists). `onReady` must
   * then not wait for an event to be consumed.
   */
  consumeAfterStartup?: boolean;
  /**
   * Runs first when the subgraph closes, before the HTTP server stops: a route that holds a
   * response open (a stream of notifications) ends it here, or closing would wait for it forever.
   */
  onClose?: (runtime: SubgraphRuntime<TModels>) => Promise<void> | void;
  /**
   * Extra HTTP endpoints by exact path, beside `/graphql`, `/health` and `/ready`, for callers that
   * are not people with a token — e.g. another office's liaison posting a signed message. They get
   * no token check and no gateway check: each route authenticates its callers itself.
   */
  routes?: (runtime: SubgraphRuntime<TModels>) => Record<string, RouteHandler>;
  /**
   * HTTP endpoints by exact path for people, e.g. a stream of their notifications: the caller is
   * authenticated as on `/graphql` (bearer token, `currentViewer`; 401 otherwise) and the handler
   * is built for that viewer. There is no gateway signature check: a stream has no body to sign.
   */
  viewerRoutes?: (
    runtime: SubgraphRuntime<TModels>,
  ) => Record<string, (viewer: HeliClaims) => RouteHandler>;
}

/**
 * Declares a subgraph. It only checks and returns the definition — building and running it is
 * `createSubgraphServer`'s job — but it lets TypeScript infer the models and loaders types once
 * for the whole definition.
 */
export function defineSubgraph<TModels, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
): SubgraphDefinition<TModels, TLoaders> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(
      `Subgraph name "${definition.name}" must be lower-case letters, digits and dashes`,
    );
  }
  if (definition.typeDefs.length === 0) {
    throw new Error(`Subgraph "${definition.name}" has no typeDefs`);
  }
  return definition;
}
