import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('cursors');

describe('cursors', () => {
  it('returns every document across many getMore batches, in order', async () => {
    const coll = target.db().collection('many');
    await coll.insertMany(Array.from({ length: 1050 }, (_, i) => ({ i })));
    const seen = await coll.find({}, { batchSize: 100 }).sort({ i: 1 }).toArray();
    expect(seen.map((d) => d.i)).toEqual(Array.from({ length: 1050 }, (_, i) => i));
  });

  it('splits batches at the 16 MB reply limit', async () => {
    const coll = target.db().collection('big');
    const blob = 'x'.repeat(3 * 1024 * 1024);
    await coll.insertMany(Array.from({ length: 8 }, (_, i) => ({ i, blob })));
    const cursor = coll.find({}).sort({ i: 1 });
    let count = 0;
    for await (const doc of cursor) {
      expect(doc.blob).toHaveLength(blob.length);
      count++;
    }
    expect(count).toBe(8);
  });

  it('closes a cursor early with killCursors', async () => {
    const db = target.db();
    await db.collection('killed').insertMany(Array.from({ length: 50 }, (_, i) => ({ i })));
    const opened = await db.command({ find: 'killed', batchSize: 5 });
    const id = opened.cursor.id;
    const killed = await db.command({ killCursors: 'killed', cursors: [id] });
    expect(killed.cursorsKilled.map(String)).toEqual([String(id)]);
    await expect(db.command({ getMore: id, collection: 'killed' })).rejects.toMatchObject({
      code: 43,
    });
  });

  it('aggregation results also arrive in batches', async () => {
    const coll = target.db().collection('agg_batches');
    await coll.insertMany(Array.from({ length: 300 }, (_, i) => ({ i, odd: i % 2 === 1 })));
    const docs = await coll
      .aggregate([{ $match: { odd: true } }, { $sort: { i: 1 } }], { batchSize: 20 })
      .toArray();
    expect(docs).toHaveLength(150);
  });

  it('reports CursorNotFound for an unknown cursor id', async () => {
    const db = target.db();
    await expect(
      db.command({ getMore: 123456789, collection: 'many' } as never),
    ).rejects.toMatchObject({ code: 43 });
  });
});
