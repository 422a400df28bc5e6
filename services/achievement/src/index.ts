import { runSubgraph } from '@heli/subgraph-runtime';
import { achievementEnvSchema, loadAchievementEnv } from './env.js';
import { createAchievementSubgraph } from './server.js';

// The runtime reads the environment again with the same schema; reading it here first is how the
// service learns its own variable (DEMO_DATA) before the definition is built.
const env = loadAchievementEnv();
await runSubgraph(createAchievementSubgraph({ loadDemoData: env.DEMO_DATA }), {
  envSchema: achievementEnvSchema,
});
