import { runSubgraph } from '@heli/subgraph-runtime';
import { loadResponsibilityEnv, responsibilityEnvSchema } from './env.js';
import { createResponsibilitySubgraph } from './server.js';

// The runtime reads the environment again with the same schema; reading it here first is how the
// service learns its own variable (DEMO_DATA) before the definition is built.
const env = loadResponsibilityEnv();
await runSubgraph(createResponsibilitySubgraph({ loadDemoData: env.DEMO_DATA }), {
  envSchema: responsibilityEnvSchema,
});
