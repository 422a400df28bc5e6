import { runSubgraph } from '@heli/subgraph-runtime';
import { assessmentEnvSchema, loadAssessmentEnv } from './env.js';
import { createAssessmentSubgraph } from './server.js';

// The runtime reads the environment again with the same schema; reading it here first is how the
// service learns its own variable (DEMO_DATA) before the definition is built.
const env = loadAssessmentEnv();
await runSubgraph(createAssessmentSubgraph({ loadDemoData: env.DEMO_DATA }), {
  envSchema: assessmentEnvSchema,
});
