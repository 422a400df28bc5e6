import { DEV_JWT_SECRET } from '@heli/auth';
import { EnvError, loadEnv } from '@heli/service-kit';
import { describe, expect, it } from 'vitest';
import { responsibilityEnvSchema } from './env.js';

const required = {
  PORT: '4001',
  MONGODB_URI: 'mongodb://127.0.0.1:27018',
  JWT_SECRET: DEV_JWT_SECRET,
};

describe('responsibilityEnvSchema', () => {
  it('does not load demo data unless asked to', () => {
    expect(loadEnv(responsibilityEnvSchema, required).DEMO_DATA).toBe(false);
    expect(loadEnv(responsibilityEnvSchema, { ...required, DEMO_DATA: 'true' }).DEMO_DATA).toBe(
      true,
    );
  });

  it('names DEMO_DATA when it is not a boolean, together with the runtime variables', () => {
    const load = () => loadEnv(responsibilityEnvSchema, { DEMO_DATA: 'yes please' });
    expect(load).toThrow(EnvError);
    expect(load).toThrow(/DEMO_DATA[\s\S]*MONGODB_URI|MONGODB_URI[\s\S]*DEMO_DATA/);
  });
});
