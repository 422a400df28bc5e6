import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { commonEnv } from './common-env.js';
import { EnvError } from './env-error.js';
import { envBoolean, envUrl } from './env-fields.js';
import { loadEnv, loadEnvOrExit } from './load-env.js';

const schema = z.object({
  ...commonEnv,
  MONGODB_URI: z.string(),
  NATS_URL: envUrl(['nats:']).default('nats://127.0.0.1:4222'),
  API_SECRET: z.string().min(32, 'must be at least 32 characters'),
  SEED_DEMO_DATA: envBoolean().default(false),
});

const valid = { PORT: '4001', MONGODB_URI: 'mongodb://db/heli', API_SECRET: 'x'.repeat(32) };

function problemsOf(source: Record<string, string | undefined>) {
  try {
    loadEnv(schema, source);
  } catch (error) {
    if (error instanceof EnvError) return error;
  }
  throw new Error('expected loadEnv to throw an EnvError');
}

describe('loadEnv', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns typed values with defaults applied', () => {
    expect(loadEnv(schema, { ...valid, SEED_DEMO_DATA: 'true' })).toEqual({
      HOST: '127.0.0.1',
      PORT: 4001,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      OTEL_TRACES_EXPORTER: 'none',
      MONGODB_URI: 'mongodb://db/heli',
      NATS_URL: 'nats://127.0.0.1:4222',
      API_SECRET: 'x'.repeat(32),
      SEED_DEMO_DATA: true,
    });
  });

  it('names every bad or missing variable in one error', () => {
    const error = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', NATS_URL: 'http://x' });

    expect(error.problems.map((p) => p.variable)).toEqual([
      'PORT',
      'LOG_LEVEL',
      'MONGODB_URI',
      'NATS_URL',
      'API_SECRET',
    ]);
    expect(error.message).toContain("PORT: expected a number between 0 and 65535, got 'abc'");
    expect(error.message).toContain('MONGODB_URI: required');
    expect(error.message).toContain(
      "NATS_URL: expected a URL starting with nats://, got 'http://x'",
    );
    expect(error.message).toContain('API_SECRET: required');
  });

  it('treats an empty value as unset', () => {
    const error = problemsOf({ ...valid, MONGODB_URI: '' });

    expect(error.message).toBe('Invalid environment: MONGODB_URI: required');
  });

  it('never prints the value of a secret', () => {
    const error = problemsOf({ ...valid, API_SECRET: 'hunter2' });

    expect(error.message).toContain(
      'API_SECRET: must be at least 32 characters, got a value of 7 characters',
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('hides credentials inside connection strings', () => {
    const error = problemsOf({ ...valid, NATS_URL: 'tls://user:pa55@nats:4222' });

    expect(error.message).toContain("got 'tls://***@nats:4222'");
    expect(error.message).not.toContain('pa55');
  });

  it('reports a rule across variables without a variable name', () => {
    const both = z
      .object({ A: z.string().optional(), B: z.string().optional() })
      .refine(
        (env) => (env.A === undefined) !== (env.B === undefined),
        'set exactly one of A and B',
      );

    expect(() => loadEnv(both, {})).toThrow('Invalid environment: set exactly one of A and B');
  });

  it('loadEnvOrExit prints the problems and exits 1', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exit called');
    }) as never);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    expect(() => loadEnvOrExit(schema, {})).toThrow('exit called');
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('MONGODB_URI: required');
  });
});
