import { Long, ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('crud');

describe('CRUD through the official driver', () => {
  it('inserts with a generated _id placed first and finds by it', async () => {
    const coll = target.db().collection('people');
    const { insertedId } = await coll.insertOne({ name: '张三', age: 30 });
    expect(insertedId).toBeInstanceOf(ObjectId);
    const found = await coll.findOne({ _id: insertedId });
    expect(Object.keys(found!)).toEqual(['_id', 'name', 'age']);
  });

  it('filters, sorts, skips, limits and projects', async () => {
    const coll = target.db().collection('ranked');
    await coll.insertMany([
      { n: 3, g: 'a', s: 'c' },
      { n: 1, g: 'b', s: 'a' },
      { n: 2, g: 'a', s: 'b' },
      { n: 4, g: 'a', s: 'd' },
    ]);
    const docs = await coll
      .find({ g: 'a' }, { projection: { _id: 0, n: 1 } })
      .sort({ n: -1 })
      .skip(1)
      .limit(2)
      .toArray();
    expect(docs).toEqual([{ n: 3 }, { n: 2 }]);
    const excluded = await coll.findOne({ n: 1 }, { projection: { g: 0, _id: 0 } });
    expect(excluded).toEqual({ n: 1, s: 'a' });
  });

  it('sorts mixed types in BSON order and arrays by their extreme element', async () => {
    const coll = target.db().collection('mixed');
    await coll.insertMany([{ v: 'x' }, { v: 5 }, { v: null }, { v: [7, 1] }, { v: true }]);
    const ascending = await coll
      .find({}, { projection: { _id: 0 } })
      .sort({ v: 1 })
      .toArray();
    expect(ascending).toEqual([{ v: null }, { v: [7, 1] }, { v: 5 }, { v: 'x' }, { v: true }]);
  });

  it('a projection excluding a nested field leaves the stored document whole', async () => {
    const coll = target.db().collection('nested_projection');
    await coll.insertOne({ k: 1, profile: { name: '李', secret: 's' }, list: [{ a: 1, b: 2 }] });
    const projected = await coll.findOne(
      { k: 1 },
      { projection: { _id: 0, 'profile.secret': 0, 'list.b': 0 } },
    );
    expect(projected).toEqual({ k: 1, profile: { name: '李' }, list: [{ a: 1 }] });
    const whole = await coll.findOne({ k: 1 }, { projection: { _id: 0 } });
    expect(whole).toEqual({ k: 1, profile: { name: '李', secret: 's' }, list: [{ a: 1, b: 2 }] });
    const [unwound] = await coll.aggregate([{ $unwind: '$list' }, { $unset: 'list.b' }]).toArray();
    expect(unwound?.list).toEqual({ a: 1 });
    expect(await coll.findOne({ k: 1 }, { projection: { _id: 0, list: 1 } })).toEqual({
      list: [{ a: 1, b: 2 }],
    });
  });

  it('supports query operators: $in, $nin, $exists, $regex, $elemMatch, $or, $not, $size, $all', async () => {
    const coll = target.db().collection('ops');
    await coll.insertMany([
      { k: 1, tags: ['a', 'b'], name: 'Alpha', items: [{ q: 1 }, { q: 5 }] },
      { k: 2, tags: ['b'], name: 'beta', items: [{ q: 2 }] },
      { k: 3, name: 'Gamma' },
    ]);
    const ks = async (filter: object): Promise<number[]> =>
      (await coll.find(filter).sort({ k: 1 }).toArray()).map((d) => d.k as number);
    expect(await ks({ k: { $in: [1, 3] } })).toEqual([1, 3]);
    expect(await ks({ k: { $nin: [1, 3] } })).toEqual([2]);
    expect(await ks({ tags: { $exists: false } })).toEqual([3]);
    expect(await ks({ name: { $regex: '^a', $options: 'i' } })).toEqual([1]);
    expect(await ks({ items: { $elemMatch: { q: { $gt: 4 } } } })).toEqual([1]);
    expect(await ks({ $or: [{ k: 1 }, { name: 'Gamma' }] })).toEqual([1, 3]);
    expect(await ks({ k: { $not: { $gt: 1 } } })).toEqual([1]);
    expect(await ks({ tags: { $size: 1 } })).toEqual([2]);
    expect(await ks({ tags: { $all: ['a', 'b'] } })).toEqual([1]);
    expect(await ks({ tags: 'b' })).toEqual([1, 2]);
    expect(await ks({ 'items.q': 2 })).toEqual([2]);
    expect(await ks({ $comment: 'labelled for the profiler', k: 2 })).toEqual([2]);
  });

  it('matches $type by BSON type name', async () => {
    const coll = target.db().collection('types');
    await coll.insertMany([{ v: new ObjectId() }, { v: 'text' }, { v: 1.5 }, { v: new Date() }]);
    expect(await coll.countDocuments({ v: { $type: 'objectId' } })).toBe(1);
    expect(await coll.countDocuments({ v: { $type: 'string' } })).toBe(1);
    expect(await coll.countDocuments({ v: { $type: 'double' } })).toBe(1);
    expect(await coll.countDocuments({ v: { $type: 'date' } })).toBe(1);
    expect(await coll.countDocuments({ v: { $type: 'number' } })).toBe(1);
  });

  it('counts, estimates and lists distinct values', async () => {
    const coll = target.db().collection('counting');
    await coll.insertMany([{ c: 'x', t: [1, 2] }, { c: 'y', t: [2, 3] }, { c: 'x' }]);
    expect(await coll.countDocuments({ c: 'x' })).toBe(2);
    expect(await coll.estimatedDocumentCount()).toBe(3);
    expect(await coll.distinct('c')).toEqual(['x', 'y']);
    expect(await coll.distinct('t')).toEqual([1, 2, 3]);
  });

  it('deletes one or many', async () => {
    const coll = target.db().collection('deleting');
    await coll.insertMany([{ d: 1 }, { d: 1 }, { d: 2 }]);
    expect((await coll.deleteOne({ d: 1 })).deletedCount).toBe(1);
    expect((await coll.deleteMany({})).deletedCount).toBe(2);
    expect(await coll.countDocuments()).toBe(0);
  });

  it('findOneAndUpdate returns the before or after image, and upserts', async () => {
    const coll = target.db().collection('fam');
    await coll.insertOne({ key: 'a', v: 1 });
    const before = await coll.findOneAndUpdate({ key: 'a' }, { $inc: { v: 1 } });
    expect(before?.v).toBe(1);
    const after = await coll.findOneAndUpdate(
      { key: 'a' },
      { $inc: { v: 1 } },
      { returnDocument: 'after', projection: { _id: 0 } },
    );
    expect(after).toEqual({ key: 'a', v: 3 });
    const upserted = await coll.findOneAndUpdate(
      { key: 'b' },
      { $set: { v: 9 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(upserted).toMatchObject({ key: 'b', v: 9 });
    const removed = await coll.findOneAndDelete({ key: 'a' });
    expect(removed?.v).toBe(3);
    const replaced = await coll.findOneAndReplace(
      { key: 'b' },
      { key: 'b', replaced: true },
      { returnDocument: 'after', projection: { _id: 0 } },
    );
    expect(replaced).toEqual({ key: 'b', replaced: true });
  });

  it('runs ordered and unordered bulk writes, reporting the failed statement', async () => {
    const coll = target.db().collection('bulk');
    await coll.insertOne({ _id: 1 as never, v: 0 });
    const ordered = await coll
      .insertMany([{ _id: 2 as never }, { _id: 1 as never }, { _id: 3 as never }], {
        ordered: true,
      })
      .catch((e: { code: number; writeErrors: Array<{ index: number }> }) => e);
    expect(ordered).toMatchObject({ code: 11000 });
    expect(await coll.countDocuments()).toBe(2);
    await coll
      .insertMany([{ _id: 4 as never }, { _id: 1 as never }, { _id: 5 as never }], {
        ordered: false,
      })
      .catch(() => undefined);
    expect(await coll.countDocuments()).toBe(4);
    const result = await coll.bulkWrite([
      { updateOne: { filter: { _id: 1 as never }, update: { $set: { v: 1 } } } },
      { deleteOne: { filter: { _id: 2 as never } } },
      { insertOne: { document: { _id: 6 as never } } },
    ]);
    expect([result.modifiedCount, result.deletedCount, result.insertedCount]).toEqual([1, 1, 1]);
  });

  it('applies unacknowledged (w: 0) writes sent with moreToCome', async () => {
    const unacked = target.db().collection('unacked', { writeConcern: { w: 0 } });
    await unacked.insertOne({ fire: 'and forget' });
    const coll = target.db().collection('unacked');
    let count = 0;
    for (let attempt = 0; attempt < 50 && count === 0; attempt++) {
      count = await coll.countDocuments({ fire: 'and forget' });
      if (count === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(count).toBe(1);
  });

  it('a retried retryable write (same lsid and txnNumber) is not applied twice', async () => {
    const db = target.db();
    const session = target.client().startSession();
    try {
      const insert = {
        insert: 'retried',
        documents: [{ _id: 'once' }],
        txnNumber: Long.fromNumber(1_000_000),
      };
      const first = await db.command(insert, { session });
      const retry = await db.command(insert, { session });
      expect([first.n, retry.n]).toEqual([1, 1]);
      expect(retry.writeErrors).toBeUndefined();
      expect(await db.collection('retried').countDocuments()).toBe(1);
    } finally {
      await session.endSession();
    }
  });

  it('manages collections and databases', async () => {
    const db = target.db();
    await db.createCollection('made');
    await expect(db.createCollection('made')).rejects.toMatchObject({ code: 48 });
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toContain('made');
    expect(await db.collection('made').drop()).toBe(true);
    const after = (await db.listCollections({ name: 'made' }).toArray()).map((c) => c.name);
    expect(after).toEqual([]);
    const dbs = await target.client().db('admin').admin().listDatabases();
    expect(dbs.databases.map((d) => d.name)).toContain(db.databaseName);
  });
});
