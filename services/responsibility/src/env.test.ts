import { DEV_JWT_SECRET } from '@heli/auth';
import { EnvError, loadEnv } from '@heli/service-kit';
import { describe, expect, it } from 'vitest';
import { responsibilityEnvSchema, supervisionSettingsFrom } from './env.js';

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

describe('supervision settings', () => {
  it('default to a reminder 48 h before the deadline, ORANGE after 72 h late, RED after 168 h', () => {
    const env = loadEnv(responsibilityEnvSchema, required);
    expect(supervisionSettingsFrom(env)).toEqual({
      reminderBeforeHours: 48,
      orangeAfterHours: 72,
      redAfterHours: 168,
      schedulerIntervalMs: 60_000,
    });
    expect(env.INTAKE_DEFAULT_DEADLINE_DAYS).toBe(14);
  });

  it('take the thresholds from the environment', () => {
    const env = loadEnv(responsibilityEnvSchema, {
      ...required,
      REMINDER_BEFORE_HOURS: '24',
      ESCALATION_ORANGE_AFTER_HOURS: '24',
      ESCALATION_RED_AFTER_HOURS: '48',
      SCHEDULER_INTERVAL_MS: '0',
    });
    expect(supervisionSettingsFrom(env)).toEqual({
      reminderBeforeHours: 24,
      orangeAfterHours: 24,
      redAfterHours: 48,
      schedulerIntervalMs: 0,
    });
  });

  it('refuse RED before ORANGE and name every bad threshold', () => {
    expect(() =>
      loadEnv(responsibilityEnvSchema, {
        ...required,
        ESCALATION_ORANGE_AFTER_HOURS: '100',
        ESCALATION_RED_AFTER_HOURS: '50',
      }),
    ).toThrow(/ESCALATION_RED_AFTER_HOURS/);
    const load = () =>
      loadEnv(responsibilityEnvSchema, {
        ...required,
        REMINDER_BEFORE_HOURS: '0',
        SCHEDULER_INTERVAL_MS: 'often',
      });
    expect(load).toThrow(
      /REMINDER_BEFORE_HOURS[\s\S]*SCHEDULER_INTERVAL_MS|SCHEDULER_INTERVAL_MS[\s\S]*REMINDER_BEFORE_HOURS/,
    );
  });
});
