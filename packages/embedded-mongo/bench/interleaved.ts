/*
 * Wall-clock A/B of two checkouts of this package that holds up on a loaded machine: both
 * builds' servers run at once, and requests alternate between them one by one (A B B A …), so
 * every burst of load from elsewhere hits both sides alike. Prints, per operation, each side's
 * median latency, their ratio, and each server's CPU time per operation (from /proc, which
 * counts the server's own work and not the time it waited for a core).
 *
 *   pnpm --filter @heli/embedded-mongo bench:interleaved -- --before /tmp/em-before/packages/embedded-mongo
 *   ... --after <dir> (default: this checkout)  --requests 3000  --docs 20000
 *
 * Latency includes the driver's work in this process, which is the same code for both sides
 * but not the same work when the replies differ (e.g. `$clusterTime` gossip). Whole-benchmark
 * figures (32 writers, recovery) stay with `bench:compare`; instruction counts with
 * `bench:instructions`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { MongoClient, type Collection } from 'mongodb';
import { cliArguments, freePort, waitUntilAnswering } from '../test/crash-server-process.js';
import { option } from './command-line-option.js';
import { emailOf, staffDocument, type BenchDoc } from './staff-documents.js';

const here = dirname(fileURLToPath(import.meta.url));

const SIDES = ['before', 'after'] as const;
type Side = (typeof SIDES)[number];
const dirs: Record<Side, string> = {
  before: resolve(option('before')),
  after: resolve(option('after', join(here, '..'))),
};
const REQUESTS = Number(option('requests', '3000'));
const DOCUMENTS = Number(option('docs', '20000'));
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

type Running = {
  child: ChildProcess;
  client: MongoClient;
  staff: Collection<BenchDoc>;
  dataDir: string;
};

async function startServer(packageDir: string): Promise<Running> {
  const dataDir = await mkdtemp(join(tmpdir(), 'embedded-mongo-interleaved-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    cliArguments(join(packageDir, 'src/cli.ts'), port, dataDir),
    { cwd: join(packageDir, '../..'), stdio: 'ignore' },
  );
  const uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
  await waitUntilAnswering(uri, child, () => '', { timeoutMs: 70_000 });
  const client = await new MongoClient(uri).connect();
  const staff = client.db('bench').collection<BenchDoc>('staff');
  await staff.createIndex({ email: 1 }, { unique: true });
  for (let i = 0; i < DOCUMENTS; i += 1000)
    await staff.insertMany(
      Array.from({ length: Math.min(1000, DOCUMENTS - i) }, (_, k) => staffDocument(i + k)),
    );
  return { child, client, staff, dataDir };
}

/** The server's user + system CPU time so far, in µs. */
async function cpuMicros(child: ChildProcess): Promise<number> {
  const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND) * 1e6;
}

/** A fixed sequence of document numbers, the same for both sides. */
const pick = (k: number) => (Math.imul(k + 1, 2654435761) >>> 0) % DOCUMENTS;

type Operation = { name: string; requests: number; run: (s: Running, k: number) => Promise<void> };

const OPERATIONS: Operation[] = [
  {
    name: 'ping',
    requests: REQUESTS,
    run: async (s) => {
      await s.client.db('admin').command({ ping: 1 });
    },
  },
  {
    name: 'insertOne (durable, one writer)',
    requests: REQUESTS,
    run: async (s, k) => {
      await s.staff.insertOne(staffDocument(DOCUMENTS + k));
    },
  },
  {
    name: 'findOne({email}) indexed',
    requests: REQUESTS,
    run: async (s, k) => {
      if ((await s.staff.findOne({ email: emailOf(pick(k)) }))?._id !== pick(k))
        throw new Error('findOne missed');
    },
  },
  {
    name: 'find({email}) indexed, no limit',
    requests: REQUESTS,
    run: async (s, k) => {
      if ((await s.staff.find({ email: emailOf(pick(k)) }).toArray()).length !== 1)
        throw new Error('find missed');
    },
  },
  {
    name: 'countDocuments({email}) indexed',
    requests: REQUESTS,
    run: async (s, k) => {
      if ((await s.staff.countDocuments({ email: emailOf(pick(k)) })) !== 1)
        throw new Error('count missed');
    },
  },
  {
    name: 'find({emailTwin}) full scan',
    requests: Math.max(20, Math.floor(REQUESTS / 50)),
    run: async (s, k) => {
      if ((await s.staff.find({ emailTwin: emailOf(pick(k)) }).toArray()).length !== 1)
        throw new Error('scan missed');
    },
  },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const servers = {} as Record<Side, Running>;
for (const side of SIDES) servers[side] = await startServer(dirs[side]);
try {
  console.log(
    `load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`before = ${dirs.before}\nafter  = ${dirs.after}`);
  console.log(
    `${'operation'.padEnd(34)} ${'p50 before'.padStart(11)} ${'p50 after'.padStart(10)} ${'ratio'.padStart(6)}   ${'server CPU µs/op before'.padStart(23)} ${'after'.padStart(6)} ${'ratio'.padStart(6)}`,
  );
  for (const operation of OPERATIONS) {
    // Warm-up on both sides, not recorded.
    for (let k = 0; k < 200; k++)
      for (const side of SIDES) await operation.run(servers[side], k + 1e6);
    const latencies: Record<Side, number[]> = { before: [], after: [] };
    const cpuAtStart = {
      before: await cpuMicros(servers.before.child),
      after: await cpuMicros(servers.after.child),
    };
    for (let k = 0; k < operation.requests; k++) {
      const order: readonly Side[] = k % 2 === 0 ? SIDES : ['after', 'before'];
      for (const side of order) {
        const started = performance.now();
        await operation.run(servers[side], k);
        latencies[side].push(performance.now() - started);
      }
    }
    const cpu = {
      before: ((await cpuMicros(servers.before.child)) - cpuAtStart.before) / operation.requests,
      after: ((await cpuMicros(servers.after.child)) - cpuAtStart.after) / operation.requests,
    };
    const p50 = { before: median(latencies.before), after: median(latencies.after) };
    console.log(
      `${operation.name.padEnd(34)} ${p50.before.toFixed(3).padStart(11)} ${p50.after.toFixed(3).padStart(10)} ${(p50.after / p50.before).toFixed(3).padStart(6)}   ${cpu.before.toFixed(0).padStart(23)} ${cpu.after.toFixed(0).padStart(6)} ${(cpu.after / cpu.before).toFixed(3).padStart(6)}`,
    );
  }
  console.log(
    `load average at end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  for (const side of SIDES) {
    const { child, client, dataDir } = servers[side];
    await client.close();
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
    await rm(dataDir, { recursive: true, force: true });
  }
}
