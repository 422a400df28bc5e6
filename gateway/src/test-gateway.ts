// Test support, exported as `@heli/gateway/test-gateway` for tests and benches that need the real
// gateway in front of their subgraphs. It lives here rather than in @heli/testkit so that testkit
// does not depend on the gateway while the gateway's own tests depend on testkit. Neither entry
// point (index.ts, worker.ts) imports it, so the production build does not contain it.
import { DEV_JWT_SECRET } from '@heli/auth';
import { loadEnv, type Logger } from '@heli/service-kit';
import { gatewayEnvSchema } from './env.js';
import { createGatewayServer } from './server.js';

/** Environment variables as strings, as in a real environment; `undefined` unsets a default. */
export type GatewayEnvOverrides = Record<string, string | undefined>;

export interface TestGateway {
  /** The gateway's GraphQL endpoint. */
  url: string;
  close(): Promise<void>;
}

/**
 * The real gateway, in-process on a free port, composing from the given running subgraphs (it
 * fetches their SDL with a service token, as in development).
 */
export async function startTestGateway(
  subgraphs: ReadonlyArray<{ name: string; url: string }>,
  envOverrides: GatewayEnvOverrides = {},
  options: { logger?: Logger } = {},
): Promise<TestGateway> {
  const env = loadEnv(gatewayEnvSchema, {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    JWT_SECRET: DEV_JWT_SECRET,
    GATEWAY_WORKERS: '1',
    SUBGRAPH_URLS: subgraphs.map(({ name, url }) => `${name}=${url}`).join(','),
    ...envOverrides,
  });
  const gateway = await createGatewayServer(env, options);
  try {
    const url = await gateway.listen();
    return { url, close: () => gateway.close() };
  } catch (error) {
    await gateway.close();
    throw error;
  }
}
