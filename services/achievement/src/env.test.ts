import { DEV_JWT_SECRET } from '@heli/auth';
import { EnvError, loadEnv } from '@heli/service-kit';
import { describe, expect, it } from 'vitest';
import { achievementEnvSchema } from './env.js';

const required = {
  PORT: '4004',
  MONGODB_URI: 'mongodb://127.0.0.1:27018',
  JWT_SECRET: DEV_JWT_SECRET,
};

describe('achievementEnvSchema', () => {
  it('given the required variables, does not load demo data unless asked to', () => {
    expect(loadEnv(achievementEnvSchema, required).DEMO_DATA).toBe(false);
    expect(loadEnv(achievementEnvSchema, { ...required, DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
  });

  it('names every bad variable at once', () => {
    const load = () => loadEnv(achievementEnvSchema, { DEMO_DATA: 'maybe', PORT: 'x' });
    expect(load).toThrow(EnvError);
    expect(load).toThrow(/DEMO_DATA/);
    expect(load).toThrow(/MONGODB_URI/);
    expect(load).toThrow(/PORT/);
  });
});
