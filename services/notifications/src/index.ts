import { runSubgraph } from '@heli/subgraph-runtime';
import { loadNotificationsEnv, notificationsEnvSchema } from './env.js';
import { createNotificationsSubgraph } from './server.js';

const env = loadNotificationsEnv();
await runSubgraph(createNotificationsSubgraph({ heartbeatMs: env.NOTIFICATIONS_HEARTBEAT_MS }), {
  envSchema: notificationsEnvSchema,
});
