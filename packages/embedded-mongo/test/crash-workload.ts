import type { MongoClient } from 'mongodb';

export const TXN_SIZE = 3;
export const BATCH_SIZE = 5;

/** What the server acknowledged before it was killed; each entry must survive the restart. */
export type AcknowledgedWrites = {
  insertedIds: string[];
  batchIds: string[];
  transactionIds: string[];
  /** counter document id → the last value an acknowledged $set wrote */
  counters: Map<string, number>;
};

export type Workload = {
  acknowledged: AcknowledgedWrites;
  acknowledgedCount(): number;
  /** Resolves once every writer has stopped, which they do at their first failed write. */
  finished: Promise<void>;
  /** Writers still running. */
  running(): number;
};

export type WorkloadShape = {
  inserters: number;
  batchInserters: number;
  transactors: number;
  counters: number;
};

/**
 * Concurrent writers of four kinds, each looping until the server stops answering: single
 * inserts, insertMany batches (one write command each), multi-document transactions tagged
 * with their id, and $set updates of a counter. A write is recorded only once acknowledged.
 */
export function startWorkload(client: MongoClient, dbName: string, shape: WorkloadShape): Workload {
  const collection = client
    .db(dbName)
    .collection<{ _id: string; [field: string]: unknown }>('writes');
  const acknowledged: AcknowledgedWrites = {
    insertedIds: [],
    batchIds: [],
    transactionIds: [],
    counters: new Map(),
  };

  const untilFailure = async (write: (step: number) => Promise<void>) => {
    for (let step = 0; ; step++) {
      try {
        await write(step);
      } catch {
        return; // the server is gone; this write was never acknowledged
      }
    }
  };

  let running = 0;
  const writers: Array<Promise<void>> = [];
  const track = (writer: Promise<void>) => {
    running++;
    writers.push(writer.finally(() => running--));
  };
  for (let w = 0; w < shape.inserters; w++) {
    track(
      untilFailure(async (step) => {
        const _id = `insert-${w}-${step}`;
        await collection.insertOne({ _id, kind: 'insert', payload: 'x'.repeat(100) });
        acknowledged.insertedIds.push(_id);
      }),
    );
  }
  for (let w = 0; w < shape.batchInserters; w++) {
    track(
      untilFailure(async (step) => {
        const batch = `batch-${w}-${step}`;
        const docs = Array.from({ length: BATCH_SIZE }, (_, k) => ({
          _id: `${batch}-${k}`,
          kind: 'batch',
          batch,
        }));
        await collection.insertMany(docs);
        acknowledged.batchIds.push(batch);
      }),
    );
  }
  for (let w = 0; w < shape.transactors; w++) {
    track(
      untilFailure(async (step) => {
        const txn = `txn-${w}-${step}`;
        const session = client.startSession();
        try {
          session.startTransaction();
          for (let k = 0; k < TXN_SIZE; k++) {
            await collection.insertOne({ _id: `${txn}-${k}`, kind: 'txn', txn }, { session });
          }
          await session.commitTransaction();
          acknowledged.transactionIds.push(txn);
        } finally {
          await session.endSession().catch(() => {});
        }
      }),
    );
  }
  for (let w = 0; w < shape.counters; w++) {
    const _id = `counter-${w}`;
    track(
      untilFailure(async (step) => {
        await collection.updateOne(
          { _id },
          { $set: { kind: 'counter', value: step } },
          { upsert: true },
        );
        acknowledged.counters.set(_id, step);
      }),
    );
  }

  return {
    acknowledged,
    acknowledgedCount: () =>
      acknowledged.insertedIds.length +
      acknowledged.batchIds.length +
      acknowledged.transactionIds.length +
      [...acknowledged.counters.values()].reduce((sum, value) => sum + value + 1, 0),
    finished: Promise.all(writers).then(() => undefined),
    running: () => running,
  };
}
