import { DEV_JWT_SECRET } from '@heli/auth';
import { loadEnv, type Logger } from '@heli/service-kit';
import type { EnvOverrides } from './test-env.js';

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
  envOverrides: EnvOverrides = {},
  options: { logger?: Logger } = {},
): Promise<TestGateway> {
  // Loaded on first use: most tests never start a gateway and should not pay for loading it.
  const [{ createGatewayServer }, { gatewayEnvSchema }] = await Promise.all([
    import('@heli/gateway/server'),
    import('@heli/gateway/env'),
  ]);
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
