import { runSubgraph } from '@heli/subgraph-runtime';
import { loadResponsibilityEnv, responsibilityEnvSchema, supervisionSettingsFrom } from './env.js';
import { createResponsibilitySubgraph } from './server.js';

// The runtime reads the environment again with the same schema; reading it here first is how the
// service learns its own variables (DEMO_DATA, supervision) before the definition is built.
const env = loadResponsibilityEnv();
await runSubgraph(
  createResponsibilitySubgraph({
    loadDemoData: env.DEMO_DATA,
    supervision: supervisionSettingsFrom(env),
    intakeDefaultDeadlineDays: env.INTAKE_DEFAULT_DEADLINE_DAYS,
  }),
  { envSchema: responsibilityEnvSchema },
);
