import { MongoServerError, type ClientSession } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('transactions');

async function inSession<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = target.client().startSession();
  try {
    return await fn(session);
  } finally {
    await session.endSession();
  }
}

describe('multi-document transactions', () => {
  it('withTransaction commits all writes atomically', async () => {
    const accounts = target.db().collection('accounts');
    await accounts.insertMany([
      { _id: 'a' as never, balance: 100 },
      { _id: 'b' as never, balance: 0 },
    ]);
    await inSession((session) =>
      session.withTransaction(async () => {
        await accounts.updateOne({ _id: 'a' as never }, { $inc: { balance: -30 } }, { session });
        await accounts.updateOne({ _id: 'b' as never }, { $inc: { balance: 30 } }, { session });
      }),
    );
    const balances = await accounts.find({}).sort({ _id: 1 }).toArray();
    expect(balances.map((d) => d.balance)).toEqual([70, 30]);
  });

  it('reads inside see own writes; others see nothing until commit', async () => {
    const coll = target.db().collection('isolation');
    await inSession(async (session) => {
      session.startTransaction();
      await coll.insertOne({ k: 'new' }, { session });
      await coll.updateOne({ k: 'new' }, { $set: { v: 1 } }, { session });
      expect(await coll.findOne({ k: 'new' }, { session })).toMatchObject({ v: 1 });
      expect(await coll.findOne({ k: 'new' })).toBeNull();
      await session.commitTransaction();
    });
    expect(await coll.findOne({ k: 'new' })).toMatchObject({ v: 1 });
  });

  it('reads a snapshot: commits made after the transaction started are not visible to it', async () => {
    const coll = target.db().collection('snapshot');
    await coll.insertOne({ _id: 1 as never, v: 'old' });
    await inSession(async (session) => {
      session.startTransaction({ readConcern: { level: 'snapshot' } });
      expect(await coll.findOne({ _id: 1 as never }, { session })).toMatchObject({ v: 'old' });
      await coll.updateOne({ _id: 1 as never }, { $set: { v: 'new' } });
      await coll.insertOne({ _id: 2 as never, v: 'other' });
      expect(await coll.findOne({ _id: 1 as never }, { session })).toMatchObject({ v: 'old' });
      expect(await coll.countDocuments({}, { session })).toBe(1);
      await session.abortTransaction();
    });
  });

  it('a client bulkWrite (run against admin) joins the transaction: invisible until commit, gone on abort', async () => {
    const coll = target.db().collection('client_bulk');
    await coll.insertOne({ _id: 1 as never, x: 1 });
    const ns = `${target.db().databaseName}.client_bulk`;
    const models = [
      { name: 'insertOne', namespace: ns, document: { _id: 2 as never } },
      { name: 'updateOne', namespace: ns, filter: { _id: 1 as never }, update: { $inc: { x: 1 } } },
    ] as const;
    await inSession(async (session) => {
      session.startTransaction();
      await target.client().bulkWrite([...models], { session });
      expect(await coll.find({}).toArray()).toEqual([{ _id: 1, x: 1 }]);
      await session.abortTransaction();
      session.startTransaction();
      const result = await target.client().bulkWrite([...models], { session });
      expect(result).toMatchObject({ insertedCount: 1, modifiedCount: 1 });
      await session.commitTransaction();
    });
    expect(await coll.find({}).sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, x: 2 }, { _id: 2 }]);
  });

  it('abort leaves no trace', async () => {
    const coll = target.db().collection('aborted');
    await coll.insertOne({ _id: 1 as never, v: 1 });
    await inSession(async (session) => {
      session.startTransaction();
      await coll.insertOne({ _id: 2 as never }, { session });
      await coll.updateOne({ _id: 1 as never }, { $set: { v: 2 } }, { session });
      await coll.deleteOne({ _id: 1 as never }, { session });
      await session.abortTransaction();
    });
    expect(await coll.find({}).toArray()).toEqual([{ _id: 1, v: 1 }]);
  });

  it('a concurrent write to the same document is a WriteConflict labelled TransientTransactionError', async () => {
    const coll = target.db().collection('conflict');
    await coll.insertOne({ _id: 1 as never, n: 0 });
    await inSession((first) =>
      inSession(async (second) => {
        first.startTransaction();
        second.startTransaction();
        await coll.updateOne({ _id: 1 as never }, { $inc: { n: 1 } }, { session: first });
        const error = await coll
          .updateOne({ _id: 1 as never }, { $inc: { n: 10 } }, { session: second })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MongoServerError);
        expect((error as MongoServerError).code).toBe(112);
        expect((error as MongoServerError).hasErrorLabel('TransientTransactionError')).toBe(true);
        await first.commitTransaction();
        await second.abortTransaction();
      }),
    );
    expect(await coll.findOne({ _id: 1 as never })).toMatchObject({ n: 1 });
  });

  it('an auto-commit write to a document a transaction holds waits for the commit, then applies', async () => {
    const coll = target.db().collection('waiting');
    await coll.insertOne({ _id: 1 as never, n: 0 });
    await inSession(async (session) => {
      session.startTransaction();
      await coll.updateOne({ _id: 1 as never }, { $inc: { n: 10 } }, { session });
      const outside = coll.updateOne({ _id: 1 as never }, { $inc: { n: 100 } });
      await coll.insertOne({ unrelated: true });
      await session.commitTransaction();
      await outside;
    });
    expect(await coll.findOne({ _id: 1 as never })).toMatchObject({ n: 110 });
  });

  it('withTransaction retries after a write conflict and both increments land', async () => {
    const coll = target.db().collection('retried');
    await coll.insertOne({ _id: 1 as never, n: 0 });
    const increment = (): Promise<void> =>
      inSession((session) =>
        session.withTransaction(async () => {
          const doc = await coll.findOne({ _id: 1 as never }, { session });
          await new Promise((resolve) => setTimeout(resolve, 20));
          await coll.updateOne(
            { _id: 1 as never },
            { $set: { n: (doc!.n as number) + 1 } },
            { session },
          );
        }),
      );
    await Promise.all([increment(), increment(), increment()]);
    expect(await coll.findOne({ _id: 1 as never })).toMatchObject({ n: 3 });
  });

  it('a statement after the transaction aborted fails with NoSuchTransaction', async () => {
    const coll = target.db().collection('no_such');
    await inSession(async (session) => {
      session.startTransaction();
      await coll.insertOne({ _id: 1 as never }, { session });
      const dup = await coll.insertOne({ _id: 1 as never }, { session }).catch((e: unknown) => e);
      expect(dup).toMatchObject({ code: 11000 });
      const after = await coll.insertOne({ _id: 2 as never }, { session }).catch((e: unknown) => e);
      expect(after).toMatchObject({ code: 251 });
      await session.abortTransaction().catch(() => undefined);
    });
    expect(await coll.countDocuments()).toBe(0);
  });

  it('unique keys written in a transaction are checked against its own writes', async () => {
    const coll = target.db().collection('tx_unique');
    await coll.createIndex({ email: 1 }, { unique: true });
    await inSession(async (session) => {
      session.startTransaction();
      await coll.insertOne({ email: 'x@o.cn' }, { session });
      await expect(coll.insertOne({ email: 'x@o.cn' }, { session })).rejects.toMatchObject({
        code: 11000,
        keyValue: { email: 'x@o.cn' },
      });
      await session.abortTransaction().catch(() => undefined);
    });
    expect(await coll.countDocuments()).toBe(0);
  });

  it('a unique key a transaction moved or deleted away is free again within it', async () => {
    const coll = target.db().collection<{ _id: number; email: string }>('tx_unique_moved');
    await coll.createIndex({ email: 1 }, { unique: true });
    await inSession(async (session) => {
      await session.withTransaction(async () => {
        await coll.insertOne({ _id: 1, email: 'a@o.cn' }, { session });
        await coll.updateOne({ _id: 1 }, { $set: { email: 'b@o.cn' } }, { session });
        await coll.insertOne({ _id: 2, email: 'a@o.cn' }, { session });
        await coll.deleteOne({ _id: 1 }, { session });
        await coll.insertOne({ _id: 3, email: 'b@o.cn' }, { session });
      });
    });
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 2, email: 'a@o.cn' },
      { _id: 3, email: 'b@o.cn' },
    ]);
  });
});
