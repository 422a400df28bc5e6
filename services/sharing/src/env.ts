import { z } from 'zod';
import { authEnvRule } from '@heli/auth';
import { envBoolean, envInteger, loadEnvOrExit } from '@heli/service-kit';
import { subgraphEnv } from '@heli/subgraph-runtime';

/** Every variable of the runtime (PORT, MONGODB_URI, NATS_URL, JWT_*, …) plus this service's own. */
export const sharingEnvSchema = z
  .object({
    ...subgraphEnv,
    /** Load the demo documents, distributions, circulation and catalogue on start if absent. */
    DEMO_DATA: envBoolean().default(false),
    /** How often overdue readings are detected and scheduled digests sent, in milliseconds. */
    SWEEP_INTERVAL_MS: envInteger(1_000, 86_400_000).default(60_000),
  })
  .check(authEnvRule);

export type SharingEnv = z.output<typeof sharingEnvSchema>;

export function loadSharingEnv(): SharingEnv {
  return loadEnvOrExit(sharingEnvSchema);
}
