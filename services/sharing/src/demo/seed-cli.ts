import { createSubgraphServer } from '@heli/subgraph-runtime';
import { loadSharingEnv } from '../env.js';
import { createSharingSubgraph } from '../server.js';
import { loadDemoSharing } from './load-demo-sharing.js';

/**
 * `pnpm --filter @heli/sharing seed`: loads the demo documents, distributions, circulation,
 * catalogue and submissions into the database the environment points at, without serving. Its
 * events wait in the outbox and are published the next time the service runs.
 */
const env = loadSharingEnv();
const subgraph = await createSubgraphServer(
  createSharingSubgraph({ loadDemoData: false, sweepIntervalMs: 0 }),
  env,
);
try {
  const created = await loadDemoSharing(subgraph.runtime, new Date());
  subgraph.logger.info({ created }, 'demo sharing data loaded');
} finally {
  await subgraph.close();
}
