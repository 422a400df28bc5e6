import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { start, type RunningServer } from '../src/index.js';

// The embedded server's own persistence, so this file always runs the embedded server
// (MONGODB_URI does not apply): everything acknowledged before stop() is there after start().
let server: RunningServer | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  server = undefined;
  dataDir = undefined;
});

async function withClient<T>(fn: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = await new MongoClient(server!.uri).connect();
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

describe('restart on a data directory', () => {
  it('keeps acknowledged documents, indexes and committed transactions, and drops aborted ones', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'embedded-mongo-persist-'));
    server = await start({ port: 0, dataDir });
    await withClient(async (client) => {
      const db = client.db('office');
      const staff = db.collection('staff');
      await staff.createIndex({ email: 1 }, { unique: true });
      await staff.createIndex({ seenAt: 1 }, { expireAfterSeconds: 3600 });
      await staff.insertMany([
        { _id: 1 as never, email: 'a@o.cn', n: 0 },
        { _id: 2 as never, email: 'b@o.cn', n: 0 },
        { _id: 3 as never, email: 'c@o.cn', n: 0 },
      ]);
      await staff.updateOne({ _id: 1 as never }, { $inc: { n: 5 } });
      await staff.deleteOne({ _id: 3 as never });
      await db.collection('scratch').insertOne({ x: 1 });
      await db.collection('scratch').drop();

      const session = client.startSession();
      await session.withTransaction(async () => {
        await staff.updateOne({ _id: 2 as never }, { $set: { n: 7 } }, { session });
        await db.collection('audit').insertOne({ what: 'raised n' }, { session });
      });
      session.startTransaction();
      await staff.insertOne({ _id: 4 as never, email: 'd@o.cn' }, { session });
      await session.abortTransaction();
      await session.endSession();
    });
    await server.stop();

    server = await start({ port: 0, dataDir });
    await withClient(async (client) => {
      const db = client.db('office');
      const staff = db.collection('staff');
      expect(await staff.find({}).sort({ _id: 1 }).toArray()).toEqual([
        { _id: 1, email: 'a@o.cn', n: 5 },
        { _id: 2, email: 'b@o.cn', n: 7 },
      ]);
      expect(await db.collection('audit').countDocuments({ what: 'raised n' })).toBe(1);
      const collections = (await db.listCollections().toArray()).map((c) => c.name).sort();
      expect(collections).toEqual(['audit', 'staff']);
      const indexes = await staff.listIndexes().toArray();
      expect(indexes.map((i) => [i.name, i.unique ?? false, i.expireAfterSeconds ?? null])).toEqual(
        [
          ['_id_', false, null],
          ['email_1', true, null],
          ['seenAt_1', false, 3600],
        ],
      );
      await expect(staff.insertOne({ email: 'a@o.cn' })).rejects.toMatchObject({ code: 11000 });
    });
  });

  it('replays to exactly the state it served after concurrent multi-statement writes and transactions', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'embedded-mongo-persist-'));
    server = await start({ port: 0, dataDir });
    const served = await withClient(async (client) => {
      const counters = client
        .db('load')
        .collection<{ _id: number; n: number; log: number[] }>('counters');
      await counters.insertMany(Array.from({ length: 8 }, (_, i) => ({ _id: i, n: 0, log: [] })));
      const autocommitWorker = async (w: number): Promise<void> => {
        for (let i = 0; i < 25; i++) {
          // Several statements per command, some blocked behind a transaction's lock.
          await counters.bulkWrite(
            [0, 1, 2].map((k) => ({
              updateOne: {
                filter: { _id: (w + i + k) % 8 },
                update: { $inc: { n: 1 }, $push: { log: w } },
              },
            })),
            { ordered: true },
          );
        }
      };
      const transactionWorker = async (w: number): Promise<void> => {
        for (let i = 0; i < 10; i++) {
          const session = client.startSession();
          try {
            await session.withTransaction(async () => {
              await counters.updateOne(
                { _id: (w * 3 + i) % 8 },
                { $inc: { n: 100 }, $push: { log: 100 + w } },
                { session },
              );
              await counters.updateOne(
                { _id: (w * 5 + i + 1) % 8 },
                { $inc: { n: 100 }, $push: { log: 100 + w } },
                { session },
              );
            });
          } finally {
            await session.endSession();
          }
        }
      };
      await Promise.all([
        ...Array.from({ length: 6 }, (_, w) => autocommitWorker(w)),
        ...Array.from({ length: 3 }, (_, w) => transactionWorker(w)),
      ]);
      return counters.find({}).sort({ _id: 1 }).toArray();
    });
    expect(served.reduce((sum, d) => sum + d.n, 0)).toBe(6 * 25 * 3 + 3 * 10 * 2 * 100);
    await server.stop();

    server = await start({ port: 0, dataDir });
    const replayed = await withClient((client) =>
      client.db('load').collection('counters').find({}).sort({ _id: 1 }).toArray(),
    );
    expect(replayed).toEqual(served);
  });
});
