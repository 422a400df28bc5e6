import { BSON, MongoClient, type Document } from 'mongodb';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { start } from '../../src/index.js';
import { testEnv } from '../support/env.js';
import { UnifiedRunner, type TestOutcome } from './unified-runner.js';

/**
 * Runs the vendored unified specification tests (CRUD and transactions) against a fresh
 * embedded server and prints every result, the counts and the pass ratio of the tests that
 * apply to a one-member replica set reporting 8.0.
 *
 *   pnpm --filter @heli/embedded-mongo spec [substring-of-file-or-test ...] [--verbose]
 *   MONGODB_URI=... pnpm --filter @heli/embedded-mongo spec   # against a real replica set
 */
const here = dirname(fileURLToPath(import.meta.url));
const SUITES = ['crud', 'transactions'];

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const filters = argv.filter((a) => !a.startsWith('--'));

const external = testEnv.MONGODB_URI;
const server = external ? undefined : await start({ port: 0 });
const uri = external ?? server!.uri;
const internal = await new MongoClient(uri).connect();
const runner = new UnifiedRunner(uri, internal);

type Tally = { pass: number; fail: number; skip: number };
const totals: Record<string, Tally> = {};
const skips = new Map<string, number>();

for (const suite of SUITES) {
  const tally: Tally = (totals[suite] = { pass: 0, fail: 0, skip: 0 });
  const folder = join(here, suite);
  for (const fileName of readdirSync(folder)
    .filter((f) => f.endsWith('.yml'))
    .sort()) {
    const file = BSON.EJSON.deserialize(
      parse(readFileSync(join(folder, fileName), 'utf8')) as Document,
      {
        relaxed: true,
      },
    );
    for (const test of file.tests as Document[]) {
      const label = `${suite}/${fileName.replace(/\.yml$/, '')} › ${String(test.description)}`;
      if (filters.length > 0 && !filters.some((f) => label.includes(f))) continue;
      const outcome: TestOutcome = await runner.runTest(file, test);
      tally[outcome.status]++;
      if (outcome.status === 'fail') console.log(`FAIL ${label}\n     ${outcome.reason}`);
      else if (outcome.status === 'skip') {
        skips.set(outcome.reason, (skips.get(outcome.reason) ?? 0) + 1);
        if (verbose) console.log(`SKIP ${label} (${outcome.reason})`);
      } else if (verbose) console.log(`PASS ${label}`);
    }
  }
}

await internal.close();
await server?.stop();

console.log('\nskipped, by reason (each does not apply to a one-member replica set on 8.0):');
for (const [reason, n] of [...skips].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${reason}`);
console.log('');
const ratio = (t: Tally): string =>
  t.pass + t.fail === 0 ? 'n/a' : `${((100 * t.pass) / (t.pass + t.fail)).toFixed(1)}%`;
const all: Tally = { pass: 0, fail: 0, skip: 0 };
for (const [suite, t] of Object.entries(totals)) {
  console.log(
    `${suite}: ${t.pass} passed, ${t.fail} failed, ${t.skip} skipped — pass ratio ${ratio(t)}`,
  );
  all.pass += t.pass;
  all.fail += t.fail;
  all.skip += t.skip;
}
console.log(
  `spec: ${all.pass} passed, ${all.fail} failed, ${all.skip} skipped — pass ratio ${ratio(all)}`,
);
