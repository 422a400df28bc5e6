import { startFixtureSubgraphs } from '../test/fixtures/fixture-graph.js';
import { FIXTURE_LINE_PREFIX, type FixtureSubgraphsLine } from './fixture-subgraphs-line.js';

// Child process of the bench: runs the fixture subgraphs on their own core, away from the load
// generator, and prints where they are as one line (see fixture-subgraphs-line.ts).

const subgraphs = await startFixtureSubgraphs();
const line: FixtureSubgraphsLine = {
  catalogueUrl: subgraphs.catalogue.url,
  staffingUrl: subgraphs.staffing.url,
  supergraphPath: subgraphs.supergraphPath,
};
process.stdout.write(`${FIXTURE_LINE_PREFIX}${JSON.stringify(line)}\n`);
process.once('SIGTERM', () => {
  void subgraphs.close().then(() => process.exit(0));
});
