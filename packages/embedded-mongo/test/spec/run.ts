import { BSON, MongoClient, type Document } from 'mongodb';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
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
 *
 * To measure against other copies of the test files — e.g. a checkout of the specifications
 * repository — name their folders; each replaces the vendored folder of that suite:
 *
 *   pnpm --filter @heli/embedded-mongo spec -- \
 *     --crud-dir ~/specifications/source/crud/tests/unified \
 *     --transactions-dir ~/specifications/source/transactions/tests/unified
 *
 * A relative folder is taken from the directory pnpm was started in. A test file present as
 * both .yml and .json (the repository keeps both) is run once, from the .yml.
 */
const here = dirname(fileURLToPath(import.meta.url));

const { values: options, positionals: filters } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    'crud-dir': { type: 'string' },
    'transactions-dir': { type: 'string' },
  },
  allowPositionals: true,
  // pnpm hands on the `--` that separates its own options from the script's.
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const verbose = options.verbose;

/** pnpm runs the script in the package folder; a relative path means the caller's folder. */
function callerPath(path: string): string {
  return resolve(testEnv.INIT_CWD ?? process.cwd(), path);
}

const crudDir = options['crud-dir'] ? callerPath(options['crud-dir']) : join(here, 'crud');
const transactionsDir = options['transactions-dir']
  ? callerPath(options['transactions-dir'])
  : join(here, 'transactions');

/**
 * A transactions folder's legacy/ holds the transactions tests in the format they had before the
 * specifications converted them to the unified format; they are translated on load, and a test
 * file present in both formats is run once, in the unified one.
 */
const SUITES = [
  { suite: 'crud', dir: crudDir, label: 'crud/', legacy: false },
  { suite: 'transactions', dir: transactionsDir, label: 'transactions/', legacy: false },
  {
    suite: 'transactions',
    dir: join(transactionsDir, 'legacy'),
    label: 'transactions/legacy/',
    legacy: true,
  },
] as const;

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

/** The test files of a folder, one per test file name: the .yml where both formats exist. */
function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));
  const yaml = new Set(names.filter((f) => !f.endsWith('.json')).map(baseNameOf));
  return names.filter((f) => !f.endsWith('.json') || !yaml.has(baseNameOf(f))).sort();
}

function baseNameOf(fileName: string): string {
  return fileName.replace(/\.(ya?ml|json)$/, '');
}

const unifiedTransactions = new Set(testFiles(transactionsDir).map(baseNameOf));

for (const { suite, dir, label, legacy } of SUITES) {
  const tally: Tally = (totals[suite] ??= { pass: 0, fail: 0, skip: 0 });
  for (const fileName of testFiles(dir)) {
    const baseName = baseNameOf(fileName);
    if (legacy && unifiedTransactions.has(baseName)) continue;
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
        label: `${label}${fileName}`,
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
