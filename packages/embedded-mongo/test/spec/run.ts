import { BSON, MongoClient, type Document } from 'mongodb';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { start } from '../../src/index.js';
import { testEnv } from '../support/env.js';
import { fromLegacyTransactionsFile } from './legacy-transactions.js';
import { UnifiedRunner, type TestOutcome } from './unified-runner.js';

/**
 * Runs the vendored specification tests (CRUD and transactions) against a fresh embedded server
 * and prints, per file, how many passed, failed and did not apply, then the pass ratio of the
 * tests that apply to a one-member replica set reporting 8.0.
 *
 *   pnpm --filter @heli/embedded-mongo spec [substring-of-file-or-test ...] [--verbose]
 *   MONGODB_URI=... pnpm --filter @heli/embedded-mongo spec   # against a real replica set
 */
const here = dirname(fileURLToPath(import.meta.url));

/**
 * transactions/legacy/ holds the transactions tests in the format they had before the
 * specifications converted them to the unified format; they are translated on load, and a test
 * file present in both formats is run once, in the unified one.
 */
const SUITES = [
  { suite: 'crud', folder: 'crud', legacy: false },
  { suite: 'transactions', folder: 'transactions', legacy: false },
  { suite: 'transactions', folder: 'transactions/legacy', legacy: true },
] as const;

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
const perFile: Array<{ label: string; tally: Tally; skipReasons: Set<string> }> = [];

function readTestFile(path: string): Document {
  const raw = readFileSync(path, 'utf8');
  const parsed = (path.endsWith('.json') ? JSON.parse(raw) : parse(raw)) as Document;
  return BSON.EJSON.deserialize(parsed, { relaxed: true });
}

for (const { suite, folder, legacy } of SUITES) {
  const tally: Tally = (totals[suite] ??= { pass: 0, fail: 0, skip: 0 });
  const dir = join(here, folder);
  for (const fileName of readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()) {
    const baseName = fileName.replace(/\.(ya?ml|json)$/, '');
    const raw = readTestFile(join(dir, fileName));
    const file = legacy ? fromLegacyTransactionsFile(raw) : raw;
    const fileTally: Tally = { pass: 0, fail: 0, skip: 0 };
    const skipReasons = new Set<string>();
    for (const test of file.tests as Document[]) {
      const label = `${suite}/${baseName} › ${String(test.description)}`;
      if (filters.length > 0 && !filters.some((f) => label.includes(f))) continue;
      const outcome: TestOutcome = await runner.runTest(file, test);
      tally[outcome.status]++;
      fileTally[outcome.status]++;
      if (outcome.status === 'fail') console.log(`FAIL ${label}\n     ${outcome.reason}`);
      else if (outcome.status === 'skip') {
        skips.set(outcome.reason, (skips.get(outcome.reason) ?? 0) + 1);
        skipReasons.add(outcome.reason);
        if (verbose) console.log(`SKIP ${label} (${outcome.reason})`);
      } else if (verbose) console.log(`PASS ${label}`);
    }
    if (fileTally.pass + fileTally.fail + fileTally.skip > 0)
      perFile.push({
        label: `${suite}/${folder === suite ? '' : `${folder}/`}${fileName}`,
        tally: fileTally,
        skipReasons,
      });
  }
}

await internal.close();
await server?.stop();

console.log('\nper file (passed / failed / not applicable):');
for (const { label, tally, skipReasons } of perFile) {
  const why = tally.skip > 0 ? `  — not applicable: ${[...skipReasons].join('; ')}` : '';
  console.log(`  ${label}: ${tally.pass} / ${tally.fail} / ${tally.skip}${why}`);
}
console.log('\nnot applicable, by reason (each excludes a one-member replica set on 8.0):');
for (const [reason, n] of [...skips].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${reason}`);
console.log('');
const ratio = (t: Tally): string =>
  t.pass + t.fail === 0 ? 'n/a' : `${((100 * t.pass) / (t.pass + t.fail)).toFixed(1)}%`;
const all: Tally = { pass: 0, fail: 0, skip: 0 };
for (const [suite, t] of Object.entries(totals)) {
  console.log(
    `${suite}: ${t.pass} passed, ${t.fail} failed, ${t.skip} not applicable — pass ratio ${ratio(t)}`,
  );
  all.pass += t.pass;
  all.fail += t.fail;
  all.skip += t.skip;
}
console.log(
  `spec: ${all.pass} passed, ${all.fail} failed, ${all.skip} not applicable — pass ratio ${ratio(all)}`,
);
