// Test support, exported as `@heli/subgraph-runtime/test-subgraph` for the tests and benches of
// every service built on the runtime (and the runtime's own). It lives here rather than in
// @heli/testkit for the reason given in test-env.ts; the embedded MongoDB and database names come
// from testkit, a devDependency that no entry point reaches.
import type { Logger } from '@heli/service-kit';
import { startTestMongo, uniqueDbName } from '@heli/testkit';
import { createSubgraphServer, type SubgraphServer } from './create-subgraph-server.js';
import type { SubgraphDefinition } from './define-subgraph.js';
import { testEnv, type EnvOverrides } from './test-env.js';

export interface TestSubgraph<TModels = unknown> {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:43817/graphql`. */
  url: string;
  /** Closes the subgraph, then the MongoDB server started for it (if one was). */
  close(): Promise<void>;
  conn: SubgraphServer<TModels>['conn'];
  /** The models the definition registered on `conn`, for seeding and inspecting data. */
  models: TModels;
  runtime: SubgraphServer<TModels>;
}

/**
 * Builds and starts a subgraph in-process on a free port with its own database name and NATS
 * namespace. Without MONGODB_URI in `envOverrides` it starts an embedded MongoDB for itself.
 */
export async function startTestSubgraph<TModels, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  envOverrides: EnvOverrides = {},
  options: { logger?: Logger } = {},
): Promise<TestSubgraph<TModels>> {
  const ownMongo = envOverrides['MONGODB_URI'] === undefined ? await startTestMongo() : undefined;
  try {
    const env = testEnv({
      MONGODB_DB: uniqueDbName(definition.name),
      ...envOverrides,
      ...(ownMongo && { MONGODB_URI: ownMongo.uri }),
    });
    const runtime = await createSubgraphServer(definition, env, options);
    let url: string;
    try {
      url = await runtime.listen();
    } catch (error) {
      await runtime.close();
      throw error;
    }
    return {
      url,
      conn: runtime.conn,
      models: runtime.runtime.models,
      runtime,
      close: async () => {
        await runtime.close();
        await ownMongo?.stop();
      },
    };
  } catch (error) {
    await ownMongo?.stop();
    throw error;
  }
}
