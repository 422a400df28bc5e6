import type { Document } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('indexes');

/** The plan stage under FETCH, or the root stage: IXSCAN, COLLSCAN, IDHACK/EXPRESS... */
function scanStage(explained: Document): string {
  const plan = explained.queryPlanner.winningPlan as Document;
  const input = (plan.inputStage ??
    plan.queryPlan?.inputStage ??
    plan.queryPlan ??
    plan) as Document;
  return String(input.stage);
}

describe('secondary indexes', () => {
  it('lists created indexes with their options', async () => {
    const coll = target.db().collection('listed');
    await coll.createIndex({ a: 1, b: -1 }, { name: 'a_b', unique: true });
    await coll.createIndex({ s: 1 }, { sparse: true });
    const indexes = await coll.listIndexes().toArray();
    expect(indexes.map((i) => [i.name, i.key, i.unique ?? false])).toEqual([
      ['_id_', { _id: 1 }, false],
      ['a_b', { a: 1, b: -1 }, true],
      ['s_1', { s: 1 }, false],
    ]);
    await coll.dropIndex('s_1');
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'a_b']);
  });

  it('answers equality and range predicates on an index prefix with an index scan', async () => {
    const coll = target.db().collection('planned');
    await coll.createIndex({ division: 1, due: 1 });
    await coll.insertMany(
      Array.from({ length: 500 }, (_, i) => ({ division: `d${i % 10}`, due: i, other: i })),
    );

    const equality = await coll.find({ division: 'd3' }).explain('executionStats');
    expect(scanStage(equality)).toBe('IXSCAN');
    expect(equality.executionStats.totalDocsExamined).toBe(50);

    const range = await coll
      .find({ division: 'd3', due: { $gte: 100, $lt: 200 } })
      .explain('executionStats');
    expect(scanStage(range)).toBe('IXSCAN');
    expect(range.executionStats.nReturned).toBe(10);
    expect(range.executionStats.totalDocsExamined).toBe(10);

    const unindexed = await coll.find({ other: 7 }).explain('executionStats');
    expect(scanStage(unindexed)).toBe('COLLSCAN');
    expect(unindexed.executionStats.totalDocsExamined).toBe(500);
  });

  it('walks an index in sort order so sort + limit examines only the documents it returns', async () => {
    const coll = target.db().collection('planned');
    const latest = await coll.find({ division: 'd3' }).sort({ due: -1 }).limit(3).toArray();
    expect(latest.map((d) => d.due)).toEqual([493, 483, 473]);
    const explained = await coll
      .find({ division: 'd3' })
      .sort({ due: -1 })
      .limit(3)
      .explain('executionStats');
    expect(explained.executionStats.totalDocsExamined).toBe(3);

    const feed = target.db().collection('feed');
    await feed.createIndex({ at: 1 });
    await feed.insertMany(
      Array.from({ length: 300 }, (_, i) => ({
        at: new Date(1_700_000_000_000 + ((i * 7919) % 300) * 1000),
        i,
      })),
    );
    const newest = await feed.find({}).sort({ at: -1 }).skip(1).limit(2).toArray();
    expect(newest.map((d) => (d.at as Date).getTime())).toEqual([
      1_700_000_298_000, 1_700_000_297_000,
    ]);
    const oldest = await feed
      .find({}, { projection: { _id: 0, at: 1 } })
      .sort({ at: 1 })
      .limit(1)
      .toArray();
    expect(oldest).toEqual([{ at: new Date(1_700_000_000_000) }]);
    const feedPlan = await feed.find({}).sort({ at: -1 }).limit(2).explain('executionStats');
    expect(feedPlan.executionStats.totalDocsExamined).toBe(2);
  });

  it('findOneAndUpdate with a sort claims the first document in index order', async () => {
    const queue = target.db().collection('queue');
    await queue.createIndex({ state: 1, at: 1 });
    await queue.insertMany(
      Array.from({ length: 200 }, (_, i) => ({ state: 'pending', at: (i * 7) % 200 })),
    );
    const claimed = [];
    for (let i = 0; i < 3; i++) {
      const doc = await queue.findOneAndUpdate(
        { state: 'pending' },
        { $set: { state: 'claimed' } },
        { sort: { at: 1 }, returnDocument: 'after' },
      );
      claimed.push(doc?.at);
    }
    expect(claimed).toEqual([0, 1, 2]);
    const removed = await queue.findOneAndDelete({ state: 'pending' }, { sort: { at: -1 } });
    expect(removed?.at).toBe(199);
  });

  it('a hint of {$natural: 1} forces a collection scan with the same result', async () => {
    const coll = target.db().collection('planned');
    const viaIndex = await coll.find({ division: 'd4' }).sort({ due: 1 }).toArray();
    const viaScan = await coll
      .find({ division: 'd4' })
      .sort({ due: 1 })
      .hint({ $natural: 1 })
      .toArray();
    expect(viaScan).toEqual(viaIndex);
    const explained = await coll
      .find({ division: 'd4' })
      .hint({ $natural: 1 })
      .explain('executionStats');
    expect(scanStage(explained)).toBe('COLLSCAN');
  });

  it('indexes every element of an array (multikey)', async () => {
    const coll = target.db().collection('multikey');
    await coll.createIndex({ tags: 1 });
    await coll.insertMany([
      { tags: ['a', 'b'] },
      { tags: ['b', 'c'] },
      { tags: 'a' },
      { tags: [] },
      {},
    ]);
    expect(await coll.countDocuments({ tags: 'a' })).toBe(2);
    expect(await coll.countDocuments({ tags: { $in: ['c', 'a'] } })).toBe(3);
    const explained = await coll.find({ tags: 'b' }).explain('executionStats');
    expect(scanStage(explained)).toBe('IXSCAN');
    expect(explained.executionStats.nReturned).toBe(2);
  });

  it('a multikey range matches arrays whose elements satisfy different bounds', async () => {
    const coll = target.db().collection('multikey_range');
    await coll.createIndex({ v: 1 });
    await coll.insertMany([{ v: [1, 20] }, { v: [7] }, { v: [30] }]);
    expect(await coll.countDocuments({ v: { $gt: 5, $lt: 10 } })).toBe(2);
  });

  it('keeps indexes right through updates and deletes', async () => {
    const coll = target.db().collection('maintained');
    await coll.createIndex({ k: 1 });
    await coll.insertMany([{ k: 1 }, { k: 2 }, { k: 3 }]);
    await coll.updateOne({ k: 2 }, { $set: { k: 20 } });
    await coll.deleteOne({ k: 3 });
    expect(await coll.countDocuments({ k: 2 })).toBe(0);
    expect(await coll.countDocuments({ k: 20 })).toBe(1);
    expect(await coll.countDocuments({ k: 3 })).toBe(0);
    expect(await coll.countDocuments({ k: { $gte: 1 } })).toBe(2);
  });

  it('E11000 carries keyPattern and keyValue for single and compound unique indexes', async () => {
    const coll = target.db().collection('unique');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.createIndex({ office: 1, code: 1 }, { unique: true });
    await coll.insertOne({ email: 'a@x.cn', office: 'o1', code: 7 });

    const single = await coll
      .insertOne({ email: 'a@x.cn', office: 'o2', code: 1 })
      .catch((e: unknown) => e);
    expect(single).toMatchObject({
      code: 11000,
      keyPattern: { email: 1 },
      keyValue: { email: 'a@x.cn' },
    });
    expect((single as Error).message).toContain('E11000 duplicate key error collection:');
    expect((single as Error).message).toContain('index: email_1 dup key: { email: "a@x.cn" }');

    const compound = await coll
      .insertOne({ email: 'b@x.cn', office: 'o1', code: 7 })
      .catch((e: unknown) => e);
    expect(compound).toMatchObject({
      code: 11000,
      keyPattern: { office: 1, code: 1 },
      keyValue: { office: 'o1', code: 7 },
    });

    const viaUpdate = await coll
      .insertOne({ email: 'c@x.cn', office: 'o3', code: 1 })
      .then(() => coll.updateOne({ email: 'c@x.cn' }, { $set: { email: 'a@x.cn' } }))
      .catch((e: unknown) => e);
    expect(viaUpdate).toMatchObject({ code: 11000, keyValue: { email: 'a@x.cn' } });
  });

  it('a duplicate _id is E11000 on the _id_ index', async () => {
    const coll = target.db().collection('dup_id');
    await coll.insertOne({ _id: 'x' as never });
    const error = await coll.insertOne({ _id: 'x' as never }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000, keyPattern: { _id: 1 }, keyValue: { _id: 'x' } });
  });

  it('refuses a unique index over existing duplicates', async () => {
    const coll = target.db().collection('dups_before');
    await coll.insertMany([{ v: 1 }, { v: 1 }]);
    await expect(coll.createIndex({ v: 1 }, { unique: true })).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('a sparse unique index ignores documents without the field; a partial one only indexes matches', async () => {
    const coll = target.db().collection('sparse_partial');
    await coll.createIndex({ nick: 1 }, { unique: true, sparse: true });
    await coll.createIndex(
      { badge: 1 },
      { unique: true, partialFilterExpression: { active: true } },
    );
    await coll.insertMany([{ a: 1 }, { a: 2 }]);
    await coll.insertMany([
      { badge: 5, active: false },
      { badge: 5, active: false },
    ]);
    await coll.insertOne({ badge: 5, active: true });
    await expect(coll.insertOne({ badge: 5, active: true })).rejects.toMatchObject({ code: 11000 });
  });

  it('re-creating an identical index is a no-op; a conflicting one is refused', async () => {
    const coll = target.db().collection('recreate');
    await coll.createIndex({ a: 1 });
    await coll.createIndex({ a: 1 });
    await expect(coll.createIndex({ a: 1 }, { name: 'a_1', unique: true })).rejects.toMatchObject({
      code: 86,
    });
    await expect(coll.dropIndex('nope')).rejects.toMatchObject({ code: 27 });
  });
});
