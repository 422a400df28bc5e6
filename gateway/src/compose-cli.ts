import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  composeSupergraph,
  discoverSubgraphs,
  type CompositionProblem,
} from './compose-supergraph.js';
import { DEFAULT_SUPERGRAPH_PATH, subgraphUrlOverrides } from './env.js';

// `pnpm compose [--out file] [--services dir]`: composes every subgraph under services/ from its
// SDL files and writes the supergraph the gateway runs from. Exits 1 listing every error.

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: DEFAULT_SUPERGRAPH_PATH },
    services: {
      type: 'string',
      default: fileURLToPath(new URL('../../services', import.meta.url)),
    },
  },
});
const outPath = resolve(values.out);

const overrides = subgraphUrlOverrides();
if (!overrides.ok) fail(overrides.problems.map((message) => ({ code: 'INVALID_ENV', message })));

const { subgraphs, problems } = discoverSubgraphs(
  resolve(values.services),
  overrides.ok ? overrides.urls : {},
);
if (problems.length > 0) fail(problems);

const composition = composeSupergraph(subgraphs);
if (!composition.ok) fail(composition.errors);

for (const hint of composition.hints) process.stderr.write(`hint ${hint.code}: ${hint.message}\n`);
// Written beside the target and renamed over it, so a gateway watching the file never reads half of it.
const temporary = join(dirname(outPath), `.${randomBytes(6).toString('hex')}.supergraph.tmp`);
await writeFile(temporary, composition.supergraphSdl);
await rename(temporary, outPath);
process.stdout.write(
  `Composed ${subgraphs.length} subgraph(s) into ${outPath}:\n${subgraphs.map((s) => `  ${s.name} → ${s.url}`).join('\n')}\n`,
);

function fail(errors: readonly CompositionProblem[]): never {
  process.stderr.write(`Composition failed with ${errors.length} error(s):\n`);
  for (const error of errors) process.stderr.write(`  ${error.code}: ${error.message}\n`);
  process.exit(1);
}
