import { z } from 'zod';
import { commonEnv, envInteger } from '@heli/service-kit';
import { authEnv, authEnvRule, gatewaySignatureEnv } from '@heli/auth';
import { queryLimitsEnv } from '@heli/query-limits';

/**
 * The variables every subgraph reads. A service that needs more spreads the shape into its own
 * schema: `z.object({ ...subgraphEnv, SEED_DEMO_DATA: envBoolean() }).check(authEnvRule)`.
 */
export const subgraphEnv = {
  ...commonEnv,
  ...authEnv,
  // The gateway's limits, enforced again here: a subgraph's port may be reachable directly.
  ...queryLimitsEnv,
  // Set: only requests the gateway signed are admitted (gateway-only access).
  ...gatewaySignatureEnv,
  /**
   * How long (ms) a caller's verified token and record lookup (`currentViewer`) are reused; 0 =
   * every request. A deactivated person is refused, a lowered clearance applied, within this.
   */
  VIEWER_CACHE_MS: envInteger(0, 10_000).default(2_000),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// connection string'),
  /** Defaults to the subgraph's name, so every service owns its own database. */
  MONGODB_DB: z.string().optional(),
  /** One server URL or several, comma-separated (a cluster). */
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  /** Copies of each event stream this service creates: 3 on a three-node JetStream cluster. */
  NATS_STREAM_REPLICAS: envInteger(1, 5).default(1),
  /**
   * Prefix of every NATS subject and stream name. Production uses the default; each test run
   * uses its own so runs never see each other's events.
   */
  HELI_NAMESPACE: z
    .string()
    .regex(
      /^[a-z][a-z0-9]{0,31}$/,
      'expected lower-case letters and digits, starting with a letter',
    )
    .default('heli'),
};

export const subgraphEnvSchema = z.object(subgraphEnv).check(authEnvRule);

export type SubgraphEnv = z.output<typeof subgraphEnvSchema>;
