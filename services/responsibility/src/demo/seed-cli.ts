import { createSubgraphServer } from '@heli/subgraph-runtime';
import { loadResponsibilityEnv } from '../env.js';
import { createResponsibilitySubgraph } from '../server.js';
import { loadDemoMatters } from './load-demo-matters.js';
import { loadDemoOrganisation } from './load-demo-organisation.js';

/**
 * `pnpm --filter @heli/responsibility seed`: loads the demo organisation and demo matters into the database the
 * environment points at, without serving. Its events wait in the outbox and are published the
 * next time the service runs.
 */
const env = loadResponsibilityEnv();
const subgraph = await createSubgraphServer(
  createResponsibilitySubgraph({ loadDemoData: false }),
  env,
);
try {
  const created = await loadDemoOrganisation(subgraph.runtime);
  subgraph.logger.info({ created }, 'demo organisation loaded');
  const matters = await loadDemoMatters(subgraph.runtime, new Date());
  subgraph.logger.info({ created: matters }, 'demo matters loaded');
} finally {
  await subgraph.close();
}
