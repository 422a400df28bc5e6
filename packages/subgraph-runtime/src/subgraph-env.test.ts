import { EnvError, loadEnv } from '@heli/service-kit';
import { describe, expect, it } from 'vitest';
import { subgraphEnvSchema } from './subgraph-env.js';

const SECRET = 'a-development-secret-of-at-least-32-chars';

describe('subgraphEnvSchema', () => {
  it('given only the required variables, fills the defaults', () => {
    const env = loadEnv(subgraphEnvSchema, {
      PORT: '4001',
      MONGODB_URI: 'mongodb://127.0.0.1:27018/?directConnection=true',
      JWT_SECRET: SECRET,
    });
    expect(env).toMatchObject({
      PORT: 4001,
      HOST: '127.0.0.1',
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_STREAM_REPLICAS: 1,
      HELI_NAMESPACE: 'heli',
      JWT_ISSUER: 'heli',
      JWT_AUDIENCE: 'heli',
    });
    expect(env.MONGODB_DB).toBeUndefined();
  });

  it('names every bad variable at once', () => {
    let thrown: unknown;
    try {
      loadEnv(subgraphEnvSchema, {
        PORT: 'x',
        MONGODB_URI: 'postgres://db',
        HELI_NAMESPACE: 'Has.Dots',
        NATS_STREAM_REPLICAS: '7',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    const variables = (thrown as EnvError).problems.map((p) => p.variable);
    expect(variables).toEqual(
      expect.arrayContaining(['PORT', 'MONGODB_URI', 'HELI_NAMESPACE', 'NATS_STREAM_REPLICAS']),
    );
    // Neither JWT_SECRET nor JWKS_URL is set: reported too, as a rule across variables.
    expect((thrown as EnvError).message).toMatch(/JWT_SECRET/);
  });
});
