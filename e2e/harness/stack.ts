import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DEV_JWT_SECRET, type HeliClaims } from '@heli/auth';
import { composeSupergraph } from '@heli/gateway/compose';
import { gatewayEnvSchema } from '@heli/gateway/env';
import { createGatewayServer, type GatewayServer } from '@heli/gateway/server';
import { loadEnv } from '@heli/service-kit';
import { readSubgraphSdl, type SubgraphDefinition } from '@heli/subgraph-runtime';
import {
  graphql,
  startTestMongo,
  tokenFor,
  uniqueDbName,
  uniqueNamespace,
  type GraphqlResponse,
} from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';

export type StackSubgraph = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions differ in models and loaders
  definition: SubgraphDefinition<any, any>;
  /** The folder holding the subgraph's .graphql files, as `pnpm compose` reads them. */
  sdlDir: string;
  env?: Record<string, string>;
  /**
   * Resolves once this part has taken in what the others announced as they started (sharing's
   * directory of the demo organisation, say), so a test never races the events it depends on.
   */
  settled?: (subgraph: TestSubgraph) => Promise<void>;
};

export type Stack = {
  gatewayUrl: string;
  namespace: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  subgraphs: Record<string, TestSubgraph<any>>;
  gateway: GatewayServer;
  /** A GraphQL request through the gateway as the given viewer (an ordinary staff member by default). */
  query(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Partial<HeliClaims>,
  ): Promise<GraphqlResponse>;
  /** Like `query`, for operations that must succeed: fails the test on any error, returns `data`. */
  data<T>(
    viewer: Partial<HeliClaims>,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T>;
  close(): Promise<void>;
};

/**
 * Starts the given subgraphs in-process on free ports — one embedded MongoDB, one database per
 * subgraph, one NATS namespace for the whole stack, as in production — composes their SDL the way
 * `pnpm compose` does, and starts the gateway from that supergraph file. `close()` tears it all down.
 */
export async function startStack(
  parts: StackSubgraph[],
  opts: { natsUrl?: string; gatewayEnv?: Record<string, string> } = {},
): Promise<Stack> {
  const mongo = await startTestMongo();
  const namespace = uniqueNamespace();
  const dir = await mkdtemp(join(tmpdir(), 'heli-e2e-'));
  const subgraphs: Stack['subgraphs'] = {};
  let gateway: GatewayServer | undefined;

  const close = async () => {
    await gateway?.close();
    for (const subgraph of Object.values(subgraphs).reverse()) await subgraph.close();
    await mongo.stop();
    await rm(dir, { recursive: true, force: true });
  };

  try {
    for (const part of parts) {
      subgraphs[part.definition.name] = await startTestSubgraph(part.definition, {
        MONGODB_URI: mongo.uri,
        MONGODB_DB: uniqueDbName(part.definition.name),
        HELI_NAMESPACE: namespace,
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
        ...(opts.natsUrl && { NATS_URL: opts.natsUrl }),
        ...part.env,
      });
    }
    for (const part of parts) await part.settled?.(subgraphs[part.definition.name]!);
    const composition = composeSupergraph(
      parts.map((part) => ({
        name: part.definition.name,
        url: subgraphs[part.definition.name]!.url,
        sdl: readSubgraphSdl(part.sdlDir),
      })),
    );
    if (!composition.ok) {
      throw new Error(
        `composition failed: ${composition.errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`,
      );
    }
    const supergraphPath = join(dir, 'supergraph.graphql');
    await writeFile(supergraphPath, composition.supergraphSdl);

    const env = loadEnv(gatewayEnvSchema, {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
      JWT_SECRET: DEV_JWT_SECRET,
      SUPERGRAPH_PATH: supergraphPath,
      // The console's notification stream, relayed by the gateway as `pnpm start` sets it up.
      ...(subgraphs['notifications'] && {
        NOTIFICATIONS_URL: new URL(subgraphs['notifications'].url).origin,
      }),
      ...opts.gatewayEnv,
    });
    gateway = await createGatewayServer(env);
    const gatewayUrl = await gateway.listen(0);

    return {
      gatewayUrl,
      namespace,
      subgraphs,
      gateway,
      query: async (query, variables, viewer) =>
        graphql(gatewayUrl, query, variables, { token: await tokenFor(viewer) }),
      data: async <T>(
        viewer: Partial<HeliClaims>,
        query: string,
        variables?: Record<string, unknown>,
      ) => {
        const res = await graphql(gatewayUrl, query, variables, { token: await tokenFor(viewer) });
        expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
        return res.body.data as T;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
