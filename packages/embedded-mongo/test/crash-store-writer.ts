/*
 * Child process for the compaction crash test: appends 3-document records from concurrent
 * writers to a durable store with a tiny compaction threshold, so snapshots and journal
 * rotations happen all the time, and prints `ack <record id>` for every acknowledged record
 * and `snapshot` for every finished snapshot, until it is killed.
 *
 *   node --import tsx crash-store-writer.ts <data dir>
 */
import type { Document } from 'bson';
import {
  openDurableStore,
  type JournalRecord,
  type SnapshotState,
} from '../src/durability/durable-store.js';

const DOCS_PER_RECORD = 3;
const WRITERS = 16;
const COMPACTION_THRESHOLD_BYTES = 32 * 1024;

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-store-writer.ts <data dir>');

const store = await openDurableStore({ dir, compactionThresholdBytes: COMPACTION_THRESHOLD_BYTES });
const docs = new Map<string, Document>();
const { snapshot, records } = await store.recover();
for (const doc of snapshot?.databases[0]?.collections[0]?.docs ?? [])
  docs.set(String(doc._id), doc);
for (const record of records) apply(record);

let snapshotting = false;
let nextRecord = 0;
const runId = Date.now().toString(36);

await Promise.all(Array.from({ length: WRITERS }, writer));

async function writer(): Promise<never> {
  for (;;) {
    const recordId = `${runId}-${nextRecord++}`;
    const record: JournalRecord = {
      ops: Array.from({ length: DOCS_PER_RECORD }, (_, k) => ({
        op: 'put' as const,
        db: 'crash',
        coll: 'docs',
        doc: { _id: `${recordId}-${k}`, record: recordId, padding: 'x'.repeat(100) },
      })),
    };
    // Memory and journal change in the same turn, as the engine does.
    apply(record);
    await store.append(record);
    process.stdout.write(`ack ${recordId}\n`);
    if (!snapshotting && store.needsCompaction()) {
      snapshotting = true;
      void store
        .writeSnapshot(currentState())
        .then(() => process.stdout.write('snapshot\n'))
        .finally(() => (snapshotting = false));
    }
  }
}

function apply(record: JournalRecord): void {
  for (const op of record.ops) if (op.op === 'put') docs.set(String(op.doc._id), op.doc);
}

function currentState(): SnapshotState {
  const collection = { name: 'docs', options: {}, indexes: [], docs: [...docs.values()] };
  return { databases: [{ name: 'crash', collections: [collection] }] };
}
