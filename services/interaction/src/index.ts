import { runSubgraph } from '@heli/subgraph-runtime';
import { interactionEnvSchema, loadInteractionEnv } from './env.js';
import { createInteractionSubgraph } from './server.js';

// The runtime reads the environment again with the same schema; reading it here first is how the
// service learns its own variables before the definition is built.
const env = loadInteractionEnv();
await runSubgraph(
  createInteractionSubgraph({
    loadDemoData: env.DEMO_DATA,
    overdueScanIntervalMs: env.OVERDUE_SCAN_INTERVAL_MS,
    minutesReadingDays: env.MINUTES_READING_DAYS,
    maxTopicsPerResearcher: env.MAX_TOPICS_PER_RESEARCHER,
    researchOfficeDivisionId: env.RESEARCH_OFFICE_DIVISION_ID,
  }),
  { envSchema: interactionEnvSchema },
);
