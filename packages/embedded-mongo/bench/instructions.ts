/*
 * Counts the instructions the embedded server executes per operation, for two checkouts of this
 * package, with the same fixed workload: a figure that does not move with machine load, so a 10%
 * difference is measurable while other work shares the cores (wall-clock figures on a loaded
 * 2-core machine swing by ±30% between runs; `bench:compare` still gives those).
 *
 *   pnpm --filter @heli/embedded-mongo bench:instructions -- --before /tmp/em-before/packages/embedded-mongo
 *   ... --after <dir>  (default: this checkout)   --docs 4000 --lookups 1000 --runs 1 --durable
 *
 * Each checkout's CLI runs under `valgrind --tool=callgrind` (the client runs natively, so only
 * the server is counted), in memory (`--durable`: on a data directory). After a warm-up, the
 * counters are zeroed before each phase and dumped after it with `callgrind_control`; a phase's
 * instructions divided by its operations is the figure. Startup, TypeScript loading and the
 * warm-up are not counted. Lookups follow a fixed pseudo-random sequence, so both builds do the
 * same work. What is counted includes V8's compiler and garbage collector, as the server pays
 * for them too; they make repeated runs differ by a few percent (see `--runs`).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MongoClient, type Collection } from 'mongodb';
import { cliArguments, freePort, waitUntilAnswering } from '../test/crash-server-process.js';
import { option } from './command-line-option.js';
import { emailOf, staffDocument, type BenchDoc } from './staff-documents.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

const builds = {
  before: resolve(option('before')),
  after: resolve(option('after', join(here, '..'))),
};
const DOCUMENTS = Number(option('docs', '4000'));
const LOOKUPS = Number(option('lookups', '1000'));
const RUNS = Number(option('runs', '1'));
const DURABLE = process.argv.includes('--durable');
const SCANS = 5;
const WRITERS = 32;
const WARM_UP_DOCUMENTS = 1000;

/** A fixed sequence of document numbers in [0, n): the same lookups for every build and run. */
function* lookupSequence(count: number, n: number): Generator<number> {
  let state = 12345;
  for (let k = 0; k < count; k++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    yield state % n;
  }
}

type Phase = {
  name: string;
  operations: number;
  work: (c: Collection<BenchDoc>) => Promise<void>;
};

async function insertRange(c: Collection<BenchDoc>, from: number, to: number): Promise<void> {
  let next = from;
  const writer = async () => {
    for (let i = next++; i < to; i = next++) {
      await c.insertOne(staffDocument(i));
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

async function lookups(
  count: number,
  n: number,
  lookup: (email: string) => Promise<number | undefined>,
): Promise<void> {
  for (const i of lookupSequence(count, n)) {
    const found = await lookup(emailOf(i));
    if (found !== i) throw new Error(`lookup of ${emailOf(i)} returned ${String(found)}`);
  }
}

const findOne = (c: Collection<BenchDoc>, field: 'email' | 'emailTwin') => async (email: string) =>
  (await c.findOne({ [field]: email }))?._id;
const findAll =
  (c: Collection<BenchDoc>, field: 'email' | 'emailTwin') => async (email: string) => {
    const found = await c.find({ [field]: email }).toArray();
    return found.length === 1 ? found[0]?._id : undefined;
  };
const countOf = (c: Collection<BenchDoc>) => async (email: string) => {
  const n = await c.countDocuments({ email });
  return n === 1 ? Number(email.slice('staff'.length, email.indexOf('@'))) : undefined;
};

const total = WARM_UP_DOCUMENTS + DOCUMENTS;
const PHASES: Phase[] = [
  {
    name: `insertOne, ${WRITERS} writers (per insert)`,
    operations: DOCUMENTS,
    work: (c) => insertRange(c, WARM_UP_DOCUMENTS, total),
  },
  {
    name: 'findOne({email}) indexed (per lookup)',
    operations: LOOKUPS,
    work: (c) => lookups(LOOKUPS, total, findOne(c, 'email')),
  },
  {
    name: 'find({email}) indexed, no limit (per lookup)',
    operations: LOOKUPS,
    work: (c) => lookups(LOOKUPS, total, findAll(c, 'email')),
  },
  {
    name: 'countDocuments({email}) indexed (per count)',
    operations: LOOKUPS,
    work: (c) => lookups(LOOKUPS, total, countOf(c)),
  },
  {
    name: 'ping (per command: the fixed cost of any)',
    operations: LOOKUPS,
    work: async (c) => {
      for (let k = 0; k < LOOKUPS; k++) await c.db.command({ ping: 1 });
    },
  },
  {
    name: 'find({emailTwin}) full scan (per scan)',
    operations: SCANS,
    work: (c) => lookups(SCANS, total, findAll(c, 'emailTwin')),
  },
];

/** Instructions per operation of each phase, for one build. */
async function measure(packageDir: string): Promise<Map<string, number>> {
  const work = await mkdtemp(join(tmpdir(), 'embedded-mongo-instructions-'));
  const outFile = join(work, 'callgrind.out');
  const port = await freePort();
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      `--callgrind-out-file=${outFile}`,
      '--dump-instr=no',
      '--dump-line=no',
      process.execPath,
      // In memory unless --durable: the journal's compaction into a snapshot lands in whichever
      // phase crosses its threshold and would swamp that phase's count; the journal code is
      // the same in both builds.
      ...cliArguments(
        join(packageDir, 'src/cli.ts'),
        port,
        DURABLE ? join(work, 'data') : undefined,
      ),
    ],
    // The checkout's root, so `--import tsx` resolves from that checkout's node_modules.
    { cwd: join(packageDir, '../..'), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  const uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
  const figures = new Map<string, number>();
  try {
    await waitUntilAnswering(uri, child, () => stderr, {
      timeoutMs: 300_000,
      attemptTimeoutMs: 1000,
    });
    const client = await new MongoClient(uri, {
      maxPoolSize: WRITERS + 4,
      serverSelectionTimeoutMS: 120_000,
      socketTimeoutMS: 0,
    }).connect();
    const c = client.db('bench').collection<BenchDoc>('staff');
    await c.createIndex({ email: 1 }, { unique: true });
    // Warm-up: every phase's code runs once so V8 has compiled it before counting starts.
    await insertRange(c, 0, WARM_UP_DOCUMENTS);
    await lookups(500, WARM_UP_DOCUMENTS, findOne(c, 'email'));
    await lookups(500, WARM_UP_DOCUMENTS, findAll(c, 'email'));
    await lookups(500, WARM_UP_DOCUMENTS, countOf(c));
    await lookups(2, WARM_UP_DOCUMENTS, findAll(c, 'emailTwin'));
    for (let k = 0; k < 500; k++) await c.db.command({ ping: 1 });
    for (const phase of PHASES) {
      await callgrindControl('--zero', child);
      await phase.work(c);
      const instructions = await dumpInstructions(child, work, phase.name);
      figures.set(phase.name, instructions / phase.operations);
    }
    await client.close();
  } finally {
    child.kill('SIGTERM');
    await exited;
    await rm(work, { recursive: true, force: true });
  }
  return figures;
}

async function callgrindControl(action: string, child: ChildProcess): Promise<void> {
  await run('callgrind_control', [action, String(child.pid)]);
}

/** Dumps the counters since the last zeroing and returns their instruction total. */
async function dumpInstructions(child: ChildProcess, dir: string, phase: string): Promise<number> {
  const known = new Set(await readdir(dir));
  await callgrindControl(`--dump=${phase.replace(/[^a-z]+/gi, '-')}`, child);
  for (let attempt = 0; attempt < 100; attempt++) {
    const dumped = (await readdir(dir)).find(
      (f) => !known.has(f) && /^callgrind\.out\.\d+$/.test(f),
    );
    if (dumped) {
      const text = await readFile(join(dir, dumped), 'utf8');
      const summary = /^summary:\s+(\d+)/m.exec(text) ?? /^totals:\s+(\d+)/m.exec(text);
      if (summary) return Number(summary[1]);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`callgrind wrote no dump for ${phase}`);
}

const samples = { before: new Map<string, number[]>(), after: new Map<string, number[]>() };
for (let r = 1; r <= RUNS; r++) {
  for (const which of ['before', 'after'] as const) {
    const figures = await measure(builds[which]);
    for (const [name, value] of figures)
      samples[which].set(name, [...(samples[which].get(name) ?? []), value]);
    console.log(
      `run ${r}/${RUNS} ${which}: ${[...figures.values()].map((v) => Math.round(v)).join(' ')}`,
    );
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

console.log(
  `\nserver instructions per operation (callgrind, median of ${RUNS}; ${DOCUMENTS} inserts, ${LOOKUPS} lookups)`,
);
console.log(`before = ${builds.before}\nafter  = ${builds.after}`);
console.log(
  `${'figure'.padEnd(46)} ${'before'.padStart(12)} ${'after'.padStart(12)} ${'after/before'.padStart(13)}`,
);
let worse = 0;
for (const [name, values] of samples.after) {
  const b = median(samples.before.get(name) ?? [NaN]);
  const a = median(values);
  const ratio = a / b;
  if (ratio > 1.1) worse++;
  console.log(
    `${name.padEnd(46)} ${Math.round(b).toString().padStart(12)} ${Math.round(a).toString().padStart(12)} ${ratio.toFixed(3).padStart(13)}${ratio > 1.1 ? '   MORE by more than 10%' : ''}`,
  );
}
console.log(
  worse === 0
    ? '\nno figure more than 10% above before'
    : `\n${worse} figure(s) more than 10% above before`,
);
