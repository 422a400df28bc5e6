import { EnvError, loadEnv } from '@heli/service-kit';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUPERGRAPH_PATH,
  gatewayEnvSchema,
  gatewayEnvSource,
  subgraphUrlOverrides,
} from './env.js';

const SECRET = 'a-development-secret-of-32-characters!';

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnv(gatewayEnvSchema, source);
  } catch (error) {
    if (error instanceof EnvError)
      return error.problems.map((p) => `${p.variable ?? '*'}: ${p.reason}`);
    throw error;
  }
  return [];
}

describe('gateway env', () => {
  it('given only a secret, when loaded, then every default applies and the supergraph is the composed file', () => {
    const env = loadEnv(gatewayEnvSchema, { JWT_SECRET: SECRET });
    expect(env).toMatchObject({
      PORT: 4000,
      MAX_DEPTH: 12,
      MAX_ALIASES: 30,
      MAX_COST: 5000,
      MAX_BODY_BYTES: 1024 * 1024,
      supergraph: { kind: 'file', path: DEFAULT_SUPERGRAPH_PATH },
    });
    expect(env.GATEWAY_WORKERS).toBeGreaterThanOrEqual(1);
  });

  it('given SUBGRAPH_URLS, when loaded, then the gateway composes from those subgraphs', () => {
    const env = loadEnv(gatewayEnvSchema, {
      JWT_SECRET: SECRET,
      SUBGRAPH_URLS: 'responsibility=http://127.0.0.1:4001/graphql',
    });
    expect(env.supergraph).toEqual({
      kind: 'subgraphs',
      subgraphs: [{ name: 'responsibility', url: 'http://127.0.0.1:4001/graphql' }],
    });
  });

  it('given SCHEMA_REGISTRY_NATS_URL, when loaded, then the gateway follows the registry of its namespace', () => {
    const env = loadEnv(gatewayEnvSchema, {
      JWT_SECRET: SECRET,
      SCHEMA_REGISTRY_NATS_URL: 'nats://nats-1:4222,nats://nats-2:4222',
      HELI_NAMESPACE: 'heli',
      SCHEMA_REGISTRY_REPLICAS: '3',
    });
    expect(env.supergraph).toEqual({
      kind: 'registry',
      natsUrl: 'nats://nats-1:4222,nats://nats-2:4222',
    });
    expect(env.SCHEMA_REGISTRY_REPLICAS).toBe(3);
  });

  it('given the registry and a file, when loaded, then it asks for one source', () => {
    expect(
      problemsOf({
        JWT_SECRET: SECRET,
        SCHEMA_REGISTRY_NATS_URL: 'nats://127.0.0.1:4222',
        SUPERGRAPH_PATH: '/etc/heli/supergraph.graphql',
      }),
    ).toEqual([
      expect.stringMatching(
        /^SCHEMA_REGISTRY_NATS_URL: set one of SUPERGRAPH_PATH, SUBGRAPH_URLS and SCHEMA_REGISTRY_NATS_URL/,
      ),
    ]);
  });

  it('given several mistakes, when loaded, then each is named at once', () => {
    const problems = problemsOf({
      JWKS_URL: 'https://id.example/jwks.json',
      SUPERGRAPH_PATH: '/etc/heli/supergraph.graphql',
      SUBGRAPH_URLS: 'responsibility',
      MAX_DEPTH: 'deep',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^MAX_DEPTH: expected a number/),
        expect.stringMatching(/^SUBGRAPH_URLS: 'responsibility' is not of the form name=url/),
        expect.stringMatching(
          /^SUBGRAPH_URLS: set either SUPERGRAPH_PATH or SUBGRAPH_URLS, not both/,
        ),
        expect.stringMatching(/^JWT_SECRET: required with SUBGRAPH_URLS/),
      ]),
    );
  });

  it('given --supergraph on the command line, when the source is built, then it stands for SUPERGRAPH_PATH', () => {
    expect(gatewayEnvSource(['--supergraph', './s.graphql'], { JWT_SECRET: SECRET })).toEqual({
      JWT_SECRET: SECRET,
      SUPERGRAPH_PATH: './s.graphql',
    });
    expect(gatewayEnvSource([], { SUPERGRAPH_PATH: '/x' })).toEqual({ SUPERGRAPH_PATH: '/x' });
  });
});

describe('SUBGRAPH_URL_<NAME> overrides for pnpm compose', () => {
  it('given override variables, when read, then they are keyed by subgraph name', () => {
    expect(
      subgraphUrlOverrides({
        SUBGRAPH_URL_RESPONSIBILITY: 'http://responsibility:4001/graphql',
        PATH: '/usr/bin',
      }),
    ).toEqual({ ok: true, urls: { responsibility: 'http://responsibility:4001/graphql' } });
  });

  it('given a malformed URL, when read, then the variable is named', () => {
    expect(subgraphUrlOverrides({ SUBGRAPH_URL_SHARING: 'sharing:4002' })).toEqual({
      ok: false,
      problems: ["SUBGRAPH_URL_SHARING: expected an http(s) URL, got 'sharing:4002'"],
    });
  });
});
