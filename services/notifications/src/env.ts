import { z } from 'zod';
import { authEnvRule } from '@heli/auth';
import { envInteger, loadEnvOrExit } from '@heli/service-kit';
import { subgraphEnv } from '@heli/subgraph-runtime';

/** Every variable of the runtime (PORT, MONGODB_URI, NATS_URL, JWT_*, …) plus this service's own. */
export const notificationsEnvSchema = z
  .object({
    ...subgraphEnv,
    /** A comment line on each open stream this often, so proxies keep it open. */
    NOTIFICATIONS_HEARTBEAT_MS: envInteger(1_000, 300_000).default(20_000),
  })
  .check(authEnvRule);

export type NotificationsEnv = z.output<typeof notificationsEnvSchema>;

export function loadNotificationsEnv(): NotificationsEnv {
  return loadEnvOrExit(notificationsEnvSchema);
}
