import { runSubgraph } from '@heli/subgraph-runtime';
import { loadSharingEnv, sharingEnvSchema } from './env.js';
import { createSharingSubgraph } from './server.js';

// The runtime reads the environment again with the same schema; reading it here first is how the
// service learns its own variables before the definition is built.
const env = loadSharingEnv();
await runSubgraph(
  createSharingSubgraph({ loadDemoData: env.DEMO_DATA, sweepIntervalMs: env.SWEEP_INTERVAL_MS }),
  { envSchema: sharingEnvSchema },
);
