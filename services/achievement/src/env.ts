import { z } from 'zod';
import { authEnvRule } from '@heli/auth';
import { envBoolean, loadEnvOrExit } from '@heli/service-kit';
import { subgraphEnv } from '@heli/subgraph-runtime';

/** Every variable of the runtime (PORT, MONGODB_URI, NATS_URL, JWT_*, …) plus this service's own. */
export const achievementEnvSchema = z
  .object({
    ...subgraphEnv,
    /** Load the demo achievements, uses and forum on start if they are not there yet. */
    DEMO_DATA: envBoolean().default(false),
  })
  .check(authEnvRule);

export type AchievementEnv = z.output<typeof achievementEnvSchema>;

export function loadAchievementEnv(): AchievementEnv {
  return loadEnvOrExit(achievementEnvSchema);
}
