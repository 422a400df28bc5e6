/*
 * Prints the embedded server's headline figures on 100k documents (a script, not a test):
 *   durable acknowledged inserts/s with 32 concurrent writers (data directory, each insert awaited)
 *   indexed point lookup p50/p99
 *   full scan time / indexed time for the same query (an unindexed twin field forces the scan)
 *   recovery time (start on the data directory until a first query answers), from the journal
 *   as the inserts left it and again after compacting it into a snapshot
 * The server runs as a child process through its CLI, as `pnpm start` runs it, so client and
 * server each get a core; recovery is timed in-process around start().
 *
 *   pnpm --filter @heli/embedded-mongo bench
 *   BENCH_DOCS=20000 ...                      fewer documents for a quick look
 *   BENCH_SERVER_CPU_PROF=/tmp/prof ...       CPU profile of the server process (node --cpu-prof)
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient, type Collection } from 'mongodb';
import { emailOf, staffDocument, type BenchDoc } from './staff-documents.js';
import { openDurableStore } from '../src/durability/durable-store.js';
import { Engine, start } from '../src/index.js';
import { silentLogger } from '../src/logger.js';
import { startServerProcess } from '../test/crash-server-process.js';

const DOCUMENTS = Number(process.env.BENCH_DOCS ?? 100_000);
const WRITERS = 32;
const LOOKUPS = 20_000;
const SCANS = 30;
const TARGETS = { insertsPerSecond: 2_000, lookupP50Ms: 0.5, scanOverIndexed: 20 };

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'embedded-mongo-bench-'));
  try {
    const server = await startServerProcess(dataDir, cpuProfileArgs());
    const client = await new MongoClient(server.uri, { maxPoolSize: WRITERS + 4 }).connect();
    const collection = client.db('bench').collection<BenchDoc>('staff');
    await collection.createIndex({ email: 1 }, { unique: true });

    const insertsPerSecond = await measureInserts(collection);
    report(
      'durable inserts/s, 32 writers',
      insertsPerSecond,
      atLeast(TARGETS.insertsPerSecond, insertsPerSecond),
    );

    const indexed = await measureLatency(findOneBy(collection, 'email'), LOOKUPS);
    report('indexed findOne p50 (ms)', indexed.p50, atMost(TARGETS.lookupP50Ms, indexed.p50));
    report('indexed findOne p99 (ms)', indexed.p99);

    // Without a limit a scan has to examine every document (findOne could stop at the match).
    const indexedQuery = await measureLatency(findAllBy(collection, 'email'), SCANS * 10);
    const scannedQuery = await measureLatency(findAllBy(collection, 'emailTwin'), SCANS);
    const ratio = scannedQuery.p50 / indexedQuery.p50;
    report('indexed find({email}) p50 (ms)', indexedQuery.p50);
    report('full scan find({emailTwin}) p50 (ms)', scannedQuery.p50);
    report('scan / indexed (p50 over p50)', ratio, atLeast(TARGETS.scanOverIndexed, ratio, '×'));

    await client.close();
    await server.stop();

    console.log(`data directory before recovery: ${await describeDataDir(dataDir)}`);
    const recoveryMs = await measureRecovery(dataDir);
    report('recovery from journal: start() → first answer (ms)', recoveryMs);

    await compactIntoSnapshot(dataDir);
    console.log(`data directory after compaction: ${await describeDataDir(dataDir)}`);
    const snapshotRecoveryMs = await measureRecovery(dataDir);
    report('recovery from snapshot: start() → first answer (ms)', snapshotRecoveryMs);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measureInserts(collection: Collection<BenchDoc>): Promise<number> {
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < DOCUMENTS; i = next++) {
      await collection.insertOne(staffDocument(i));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, writer));
  return DOCUMENTS / ((performance.now() - started) / 1000);
}

/** Finds the document with the given email and returns its _id. */
type Lookup = (email: string) => Promise<number | undefined>;

const findOneBy =
  (collection: Collection<BenchDoc>, field: 'email' | 'emailTwin'): Lookup =>
  async (email) =>
    (await collection.findOne({ [field]: email }))?._id;

const findAllBy =
  (collection: Collection<BenchDoc>, field: 'email' | 'emailTwin'): Lookup =>
  async (email) => {
    const found = await collection.find({ [field]: email }).toArray();
    return found.length === 1 ? found[0]?._id : undefined;
  };

async function measureLatency(lookup: Lookup, count: number) {
  // The first lookups warm up the JIT and the connection pool.
  const warmUp = Math.min(count, 200);
  const latencies: number[] = [];
  for (let n = 0; n < warmUp + count; n++) {
    const i = Math.floor(Math.random() * DOCUMENTS);
    const started = performance.now();
    const foundId = await lookup(emailOf(i));
    const elapsed = performance.now() - started;
    if (foundId !== i)
      throw new Error(`lookup of ${emailOf(i)} returned ${JSON.stringify(foundId)}`);
    if (n >= warmUp) latencies.push(elapsed);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

async function measureRecovery(dataDir: string): Promise<number> {
  const started = performance.now();
  const server = await start({ port: 0, dataDir });
  const client = await new MongoClient(server.uri).connect();
  const first = await client
    .db('bench')
    .collection<BenchDoc>('staff')
    .findOne({ email: emailOf(DOCUMENTS - 1) });
  const elapsed = performance.now() - started;
  if (first?._id !== DOCUMENTS - 1) throw new Error('recovery lost the last acknowledged insert');
  await client.close();
  await server.stop();
  return elapsed;
}

/** What the engine does once the journal passes its compaction threshold, done here on demand. */
async function compactIntoSnapshot(dataDir: string): Promise<void> {
  const store = await openDurableStore({ dir: dataDir });
  const engine = new Engine(store, silentLogger);
  const { snapshot, records } = await store.recover();
  if (snapshot) engine.loadSnapshot(snapshot);
  for (const record of records) engine.applyRecord(record);
  await store.writeSnapshot(engine.exportState());
  await engine.close();
}

async function describeDataDir(dataDir: string): Promise<string> {
  const names = (await readdir(dataDir)).filter((name) => /\.(wal|snap)$/.test(name));
  const sizes = await Promise.all(
    names.map(
      async (name) => `${name} ${((await stat(join(dataDir, name))).size / 1e6).toFixed(1)} MB`,
    ),
  );
  return sizes.join(', ') || 'empty';
}

function cpuProfileArgs(): string[] {
  const dir = process.env.BENCH_SERVER_CPU_PROF;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : [];
}

type Target = { text: string; met: boolean };

const atLeast = (target: number, value: number, unit = ''): Target => ({
  text: `≥ ${target}${unit}`,
  met: value >= target,
});
const atMost = (target: number, value: number): Target => ({
  text: `≤ ${target}`,
  met: value <= target,
});

function report(figure: string, value: number, target?: Target): void {
  const shown = value >= 100 ? value.toFixed(0) : value.toFixed(3);
  const verdict = target ? `target ${target.text.padEnd(8)} ${target.met ? 'met' : 'MISSED'}` : '';
  console.log(`${figure.padEnd(52)} ${shown.padStart(10)}   ${verdict}`);
}

await main();
