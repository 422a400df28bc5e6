// Test support, exported as `@heli/subgraph-runtime/test-env`. It lives here rather than in
// @heli/testkit so that testkit does not depend on this package while this package's tests
// depend on testkit; it takes the test process's environment and NATS names from testkit (a
// devDependency: no entry point imports this file, so neither the runtime nor a production build
// loads testkit).
import { DEV_JWT_SECRET } from '@heli/auth';
import { loadEnv } from '@heli/service-kit';
import { testProcessEnv, uniqueNamespace } from '@heli/testkit';
import { subgraphEnvSchema, type SubgraphEnv } from './subgraph-env.js';

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
