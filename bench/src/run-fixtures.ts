import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '@heli/gateway/compose';
import { FIXTURE_NAMES, startFixtureSubgraph } from './fixture-subgraphs.js';
import { FIXTURES_LINE_PREFIX } from './fixtures-line.js';

// Child process of the bench: the fixture subgraphs on their own event loop, away from the load
// generator and the gateways, and the supergraph composed from them. Prints one line:
// `fixtures {"supergraphPath": …, "subgraphs": {"responsibility": url, …}}`.

const subgraphs = await Promise.all(FIXTURE_NAMES.map((name) => startFixtureSubgraph(name)));
const composition = composeSupergraph(subgraphs.map(({ name, url, sdl }) => ({ name, url, sdl })));
if (!composition.ok) {
  throw new Error(composition.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
}
const dir = await mkdtemp(join(tmpdir(), 'heli-bench-'));
const supergraphPath = join(dir, 'supergraph.graphql');
await writeFile(supergraphPath, composition.supergraphSdl);
process.stdout.write(
  `${FIXTURES_LINE_PREFIX}${JSON.stringify({
    supergraphPath,
    subgraphs: Object.fromEntries(subgraphs.map(({ name, url }) => [name, url])),
  })}\n`,
);
process.once('SIGTERM', () => {
  void Promise.all(subgraphs.map((s) => s.close())).then(() => process.exit(0));
});
