import { runSubgraph } from '@heli/subgraph-runtime';
import { liaisonEnvSchema, loadLiaisonEnv } from './env.js';
import { createLiaisonSubgraph, liaisonSettingsFrom } from './server.js';

// The runtime reads the environment again with the same schema; reading it here first is how the
// service learns its office, key and links before the definition is built.
const env = loadLiaisonEnv();
await runSubgraph(
  createLiaisonSubgraph({
    settings: await liaisonSettingsFrom(env),
    maxRetryDelayMs: env.LIAISON_RETRY_MAX_MS,
  }),
  { envSchema: liaisonEnvSchema },
);
