import { describe, expect, it, beforeAll } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('aggregation');

describe('aggregation', () => {
  beforeAll(async () => {
    const db = target.db();
    await db.collection('divisions').insertMany([
      { _id: 'd1' as never, name: '秘书处' },
      { _id: 'd2' as never, name: '综合处' },
    ]);
    await db.collection('tasks').insertMany([
      { t: 1, division: 'd1', status: 'open', hours: 3, tags: ['a', 'b'] },
      { t: 2, division: 'd1', status: 'done', hours: 5, tags: ['b'] },
      { t: 3, division: 'd2', status: 'open', hours: 2, tags: [] },
      { t: 4, division: 'd2', status: 'open', hours: 4, tags: ['a'] },
    ]);
  });

  it('$match $group $sort', async () => {
    const rows = await target
      .db()
      .collection('tasks')
      .aggregate([
        { $match: { status: 'open' } },
        { $group: { _id: '$division', hours: { $sum: '$hours' }, n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(rows).toEqual([
      { _id: 'd1', hours: 3, n: 1 },
      { _id: 'd2', hours: 6, n: 2 },
    ]);
  });

  it('$project $addFields $skip $limit', async () => {
    const rows = await target
      .db()
      .collection('tasks')
      .aggregate([
        { $sort: { t: 1 } },
        { $skip: 1 },
        { $limit: 2 },
        { $addFields: { double: { $multiply: ['$hours', 2] } } },
        { $project: { _id: 0, t: 1, double: 1 } },
      ])
      .toArray();
    expect(rows).toEqual([
      { t: 2, double: 10 },
      { t: 3, double: 4 },
    ]);
  });

  it('$unwind and $sortByCount', async () => {
    const rows = await target
      .db()
      .collection('tasks')
      .aggregate([{ $unwind: '$tags' }, { $sortByCount: '$tags' }, { $sort: { _id: 1 } }])
      .toArray();
    expect(rows).toEqual([
      { _id: 'a', count: 2 },
      { _id: 'b', count: 2 },
    ]);
  });

  it('$lookup joins another collection', async () => {
    const rows = await target
      .db()
      .collection('tasks')
      .aggregate([
        { $match: { t: 3 } },
        { $lookup: { from: 'divisions', localField: 'division', foreignField: '_id', as: 'div' } },
        { $project: { _id: 0, t: 1, 'div.name': 1 } },
      ])
      .toArray();
    expect(rows).toEqual([{ t: 3, div: [{ name: '综合处' }] }]);
  });

  it('$facet and $count', async () => {
    const [row] = await target
      .db()
      .collection('tasks')
      .aggregate([
        {
          $facet: {
            open: [{ $match: { status: 'open' } }, { $count: 'n' }],
            total: [{ $count: 'n' }],
          },
        },
      ])
      .toArray();
    expect(row).toEqual({ open: [{ n: 3 }], total: [{ n: 4 }] });
  });

  it('groups by ObjectId and date values', async () => {
    const coll = target.db().collection('by_ref');
    const day = new Date('2026-01-01T00:00:00Z');
    const { insertedIds } = await target.db().collection('owners').insertMany([{}, {}]);
    await coll.insertMany([
      { owner: insertedIds[0], day },
      { owner: insertedIds[0], day },
      { owner: insertedIds[1], day },
    ]);
    const rows = await coll
      .aggregate([
        { $group: { _id: { owner: '$owner', day: '$day' }, n: { $sum: 1 } } },
        { $sort: { n: -1 } },
      ])
      .toArray();
    expect(rows.map((r) => r.n)).toEqual([2, 1]);
    expect(rows[0]!._id.owner.equals(insertedIds[0])).toBe(true);
  });
});
