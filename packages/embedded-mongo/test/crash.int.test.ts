import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Document } from 'bson';
import { MongoClient } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDurableStore } from '../src/durability/durable-store.js';
import { scanSegment } from '../src/durability/journal-segment-scan.js';
import {
  runServerExpectingFailure,
  startServerProcess,
  type ServerProcess,
} from './crash-server-process.js';
import { BATCH_SIZE, TXN_SIZE, startWorkload } from './crash-workload.js';

const DB = 'crash';
// Writes acknowledged before the kill; enough that the kill lands mid-stream, with every
// kind of writer busy.
const ACKNOWLEDGED_BEFORE_KILL = 600;

let dataDir: string;
let server: ServerProcess | undefined;
const clients: MongoClient[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'embedded-mongo-crash-'));
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close(true);
  await server?.crash();
  server = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function connect(uri: string): Promise<MongoClient> {
  // No retries: a write interrupted by the kill must fail, not be resent to the restarted server.
  const client = new MongoClient(uri, {
    retryWrites: false,
    retryReads: false,
    serverSelectionTimeoutMS: 1_000,
    maxPoolSize: 64,
  });
  await client.connect();
  clients.push(client);
  return client;
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * Where the records of a segment end. A killed server leaves the zero-filled room the segment
 * keeps ahead of its records (file-system.ts, preallocateBytes), so that is not the file's size.
 */
async function recordsEnd(segment: string): Promise<number> {
  const bytes = await readFile(join(dataDir, segment));
  const firstSeq = BigInt(/journal-(\d+)\.wal/.exec(segment)![1]!);
  const { damagedTail } = scanSegment(bytes, firstSeq, segment);
  expect(damagedTail?.reason ?? 'preallocated space').toBe('preallocated space');
  return damagedTail?.offset ?? bytes.byteLength;
}

async function journalSegments(): Promise<string[]> {
  return (await readdir(dataDir)).filter((name) => name.endsWith('.wal')).sort();
}

describe('crash safety of the embedded server (child process, kill -9)', () => {
  it('given concurrent acknowledged writes and transactions, when killed mid-stream and restarted, then every acknowledged write is there and no transaction is partial', async () => {
    server = await startServerProcess(dataDir);
    const writer = await connect(server.uri);
    const workload = startWorkload(writer, DB, {
      inserters: 8,
      batchInserters: 2,
      transactors: 6,
      counters: 2,
    });

    await waitFor(
      () => workload.acknowledgedCount() >= ACKNOWLEDGED_BEFORE_KILL || workload.running() === 0,
    );
    expect(
      workload.running(),
      `writers failed before the kill:\n${server.output()}`,
    ).toBeGreaterThan(0);
    await server.crash();
    await workload.finished;
    const { acknowledged } = workload;

    server = await startServerProcess(dataDir);
    const reader = (await connect(server.uri))
      .db(DB)
      .collection<{ _id: string; [field: string]: unknown }>('writes');

    const insertedIds = new Set(
      (await reader.find({ kind: 'insert' }, { projection: { _id: 1 } }).toArray()).map(
        (doc) => doc._id,
      ),
    );
    expect(acknowledged.insertedIds.filter((id) => !insertedIds.has(id))).toEqual([]);

    const batchSizes = await reader
      .aggregate<{ _id: string; size: number }>([
        { $match: { kind: 'batch' } },
        { $group: { _id: '$batch', size: { $sum: 1 } } },
      ])
      .toArray();
    const batches = new Map(batchSizes.map((batch) => [batch._id, batch.size]));
    expect(acknowledged.batchIds.filter((batch) => batches.get(batch) !== BATCH_SIZE)).toEqual([]);
    expect(batchSizes.filter((batch) => batch.size !== BATCH_SIZE)).toEqual([]);

    const transactionSizes = await reader
      .aggregate<{ _id: string; size: number }>([
        { $match: { kind: 'txn' } },
        { $group: { _id: '$txn', size: { $sum: 1 } } },
      ])
      .toArray();
    const transactions = new Map(transactionSizes.map((txn) => [txn._id, txn.size]));
    expect(acknowledged.transactionIds.filter((txn) => transactions.get(txn) !== TXN_SIZE)).toEqual(
      [],
    );
    expect(transactionSizes.filter((txn) => txn.size !== TXN_SIZE)).toEqual([]);

    for (const [id, lastAcknowledged] of acknowledged.counters) {
      const counter = await reader.findOne({ _id: id });
      // A later update may have reached the disk without being acknowledged, never an earlier one.
      expect(counter?.value).toBeGreaterThanOrEqual(lastAcknowledged);
    }

    expect(acknowledged.insertedIds.length).toBeGreaterThan(0);
    expect(acknowledged.transactionIds.length).toBeGreaterThan(0);
    expect(acknowledged.batchIds.length).toBeGreaterThan(0);
  });

  it('given garbage appended to the journal tail, when restarted, then the tail is truncated and logged and the data before it is intact', async () => {
    server = await startServerProcess(dataDir);
    const docs = (await connect(server.uri)).db(DB).collection<{ _id: number; n: number }>('tail');
    for (let n = 0; n < 50; n++) await docs.insertOne({ _id: n, n });
    await server.crash();
    const [segment] = (await journalSegments()).slice(-1);
    expect(segment).toBeDefined();
    const segmentPath = join(dataDir, segment!);
    const intactBytes = await recordsEnd(segment!);
    await appendFile(
      segmentPath,
      Buffer.from('\u0000\u0001garbage that a torn write or a stray process left behind'.repeat(8)),
    );

    server = await startServerProcess(dataDir);

    const recovered = (await connect(server.uri))
      .db(DB)
      .collection<{ _id: number; n: number }>('tail');
    expect(await recovered.find().sort({ _id: 1 }).toArray()).toEqual(
      Array.from({ length: 50 }, (_, n) => ({ _id: n, n })),
    );
    expect((await stat(segmentPath)).size).toBe(intactBytes);
    const warning = server
      .output()
      .split('\n')
      .find((line) => line.includes('truncated') && line.includes(segment!));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({
      level: 'warn',
      offset: intactBytes,
      file: segment,
    });
  });

  it('given a corrupt record in the middle of the journal, when restarted, then the server refuses to start and says why', async () => {
    server = await startServerProcess(dataDir);
    const docs = (await connect(server.uri)).db(DB).collection<{ _id: number }>('middle');
    for (let n = 0; n < 20; n++) await docs.insertOne({ _id: n });
    await server.crash();
    server = undefined;
    const [segment] = (await journalSegments()).slice(-1);
    const segmentPath = join(dataDir, segment!);
    const bytes = await readFile(segmentPath);
    bytes[Math.floor((await recordsEnd(segment!)) / 2)]! ^= 0xff;
    await writeFile(segmentPath, bytes);

    const { code, output } = await runServerExpectingFailure(dataDir);

    expect(code).not.toBe(0);
    expect(output).toMatch(
      new RegExp(`journal ${segment} is corrupt: the record at byte \\d+ .* fails its check`),
    );
  });
});

describe('crash safety of journal compaction (child process, kill -9)', () => {
  // crash-store-writer.ts writes records of 3 documents and snapshots every ~32 KB of journal.
  const DOCS_PER_RECORD = 3;
  const WRITER = fileURLToPath(new URL('./crash-store-writer.ts', import.meta.url));

  it('given snapshots and rotations running under concurrent appends, when killed, then snapshot plus journal hold every acknowledged record whole', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    const acknowledged: string[] = [];
    let snapshots = 0;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
      else if (line === 'snapshot') snapshots++;
    });

    await waitFor(
      () => (acknowledged.length >= 3_000 && snapshots >= 5) || child.exitCode !== null,
    );
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    await exited;

    const store = await openDurableStore({
      dir: dataDir,
      logger: { info() {}, warn() {}, error() {} },
    });
    const { snapshot, records } = await store.recover();
    await store.close();
    const docs = new Map<string, Document>();
    for (const doc of snapshot?.databases[0]?.collections[0]?.docs ?? [])
      docs.set(String(doc._id), doc);
    for (const record of records)
      for (const op of record.ops) if (op.op === 'put') docs.set(String(op.doc._id), op.doc);
    const docsPerRecord = new Map<string, number>();
    for (const doc of docs.values())
      docsPerRecord.set(doc.record, (docsPerRecord.get(doc.record) ?? 0) + 1);

    expect(snapshot).not.toBeNull();
    expect(acknowledged.filter((record) => docsPerRecord.get(record) !== DOCS_PER_RECORD)).toEqual(
      [],
    );
    expect([...docsPerRecord].filter(([, count]) => count !== DOCS_PER_RECORD)).toEqual([]);
  });
});
