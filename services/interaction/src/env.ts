import { z } from 'zod';
import { authEnvRule } from '@heli/auth';
import { envBoolean, envInteger, loadEnvOrExit } from '@heli/service-kit';
import { subgraphEnv } from '@heli/subgraph-runtime';

/** Every variable of the runtime (PORT, MONGODB_URI, NATS_URL, JWT_*, …) plus this service's own. */
export const interactionEnvSchema = z
  .object({
    ...subgraphEnv,
    /** Load the demo meetings, research period and workflow cases on start if absent. */
    DEMO_DATA: envBoolean().default(false),
    /** How often overdue workflow steps are looked for, in milliseconds; 0 turns the scan off. */
    OVERDUE_SCAN_INTERVAL_MS: envInteger(0, 86_400_000).default(60_000),
    /** Working days an absent division is given to read a meeting's minutes. */
    MINUTES_READING_DAYS: envInteger(1, 30).default(3),
    /** The most research topics one person may be on at once (统一调配使用调研力量). */
    MAX_TOPICS_PER_RESEARCHER: envInteger(1, 20).default(2),
    /** The research office (调研室) division, which runs joint research. */
    RESEARCH_OFFICE_DIVISION_ID: z.string().min(1).default('div-research'),
  })
  .check(authEnvRule);

export type InteractionEnv = z.output<typeof interactionEnvSchema>;

export function loadInteractionEnv(): InteractionEnv {
  return loadEnvOrExit(interactionEnvSchema);
}
