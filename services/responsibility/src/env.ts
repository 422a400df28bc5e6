import { z } from 'zod';
import { authEnvRule } from '@heli/auth';
import { envBoolean, envInteger, loadEnvOrExit } from '@heli/service-kit';
import { subgraphEnv } from '@heli/subgraph-runtime';
import { DEFAULT_SUPERVISION_SETTINGS } from './supervision/supervision-settings.js';
import type { SupervisionSettings } from './supervision/supervision-settings.js';

const HOURS_IN_A_YEAR = 24 * 366;
const defaults = DEFAULT_SUPERVISION_SETTINGS;

/** Every variable of the runtime (PORT, MONGODB_URI, NATS_URL, JWT_*, …) plus this service's own. */
export const responsibilityEnvSchema = z
  .object({
    ...subgraphEnv,
    /** Load the demo organisation (Harbin office) on start if it is not there yet. */
    DEMO_DATA: envBoolean().default(false),
    /** Hours before a deadline when the automatic reminder (催办) goes out. */
    REMINDER_BEFORE_HOURS: envInteger(1, HOURS_IN_A_YEAR).default(defaults.reminderBeforeHours),
    /** Hours after the deadline when a late matter turns from BLUE to ORANGE. */
    ESCALATION_ORANGE_AFTER_HOURS: envInteger(1, HOURS_IN_A_YEAR).default(
      defaults.orangeAfterHours,
    ),
    /** Hours after the deadline when it turns RED; must be later than ORANGE. */
    ESCALATION_RED_AFTER_HOURS: envInteger(1, HOURS_IN_A_YEAR).default(defaults.redAfterHours),
    /** How often the supervision tick runs on each replica; 0 turns the scheduler off. */
    SCHEDULER_INTERVAL_MS: envInteger(0, 24 * 3_600_000).default(defaults.schedulerIntervalMs),
    /** Days given to a matter made from an instruction or decision that names no deadline. */
    INTAKE_DEFAULT_DEADLINE_DAYS: envInteger(1, 365).default(14),
  })
  .check(authEnvRule)
  .refine((env) => env.ESCALATION_RED_AFTER_HOURS > env.ESCALATION_ORANGE_AFTER_HOURS, {
    path: ['ESCALATION_RED_AFTER_HOURS'],
    message: 'must be greater than ESCALATION_ORANGE_AFTER_HOURS',
  });

export type ResponsibilityEnv = z.output<typeof responsibilityEnvSchema>;

export function loadResponsibilityEnv(): ResponsibilityEnv {
  return loadEnvOrExit(responsibilityEnvSchema);
}

export function supervisionSettingsFrom(env: ResponsibilityEnv): SupervisionSettings {
  return {
    reminderBeforeHours: env.REMINDER_BEFORE_HOURS,
    orangeAfterHours: env.ESCALATION_ORANGE_AFTER_HOURS,
    redAfterHours: env.ESCALATION_RED_AFTER_HOURS,
    schedulerIntervalMs: env.SCHEDULER_INTERVAL_MS,
  };
}
