import { DEV_JWT_SECRET } from '@heli/auth';
import { loadEnv } from '@heli/service-kit';
import { subgraphEnvSchema, type SubgraphEnv } from '@heli/subgraph-runtime';
import { testProcessEnv } from './process-environment.js';
import { uniqueNamespace } from './unique-names.js';

export type EnvOverrides = Record<string, string | undefined>;

/**
 * A complete, validated subgraph environment for a test: port 0, the development JWT secret,
 * a fresh NATS namespace, silent logs. `overrides` (strings, as in a real environment) win; the
 * MongoDB URI must come from them or from MONGODB_URI.
 */
export function testEnv(overrides: EnvOverrides = {}): SubgraphEnv {
  const { MONGODB_URI, NATS_URL } = testProcessEnv();
  const source: EnvOverrides = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    JWT_SECRET: DEV_JWT_SECRET,
    NATS_URL,
    HELI_NAMESPACE: uniqueNamespace(),
    MONGODB_URI,
    // Tests change a person's record and expect the next request to see it; the cache that
    // delays this by up to two seconds in production has tests of its own.
    VIEWER_CACHE_MS: '0',
    ...overrides,
  };
  if (source['MONGODB_URI'] === undefined) {
    throw new Error('testEnv needs MONGODB_URI: pass it (e.g. from startTestMongo()) or set it');
  }
  return loadEnv(subgraphEnvSchema, source);
}
