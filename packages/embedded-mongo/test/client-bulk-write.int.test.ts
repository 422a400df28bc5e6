import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('client_bulk');

describe('client-level bulkWrite (server 8.0)', () => {
  it('writes to several namespaces in one command and reports per-operation results', async () => {
    const db = target.db();
    await db.collection('a').insertOne({ _id: 1 as never, x: 1 });
    const result = await target.client().bulkWrite(
      [
        {
          name: 'insertOne',
          namespace: `${db.databaseName}.a`,
          document: { _id: 2 as never, x: 2 },
        },
        {
          name: 'insertOne',
          namespace: `${db.databaseName}.b`,
          document: { _id: 1 as never, y: 1 },
        },
        {
          name: 'updateOne',
          namespace: `${db.databaseName}.a`,
          filter: { _id: 1 as never },
          update: { $inc: { x: 10 } },
        },
        {
          name: 'replaceOne',
          namespace: `${db.databaseName}.b`,
          filter: { _id: 9 as never },
          replacement: { y: 9 },
          upsert: true,
        },
        { name: 'deleteMany', namespace: `${db.databaseName}.a`, filter: { x: 2 } },
      ] as never,
      { verboseResults: true },
    );
    expect(result).toMatchObject({
      insertedCount: 2,
      matchedCount: 1,
      modifiedCount: 1,
      upsertedCount: 1,
      deletedCount: 1,
    });
    expect(result.updateResults?.get(3)).toMatchObject({ upsertedId: 9 });
    expect(await db.collection('a').find().toArray()).toEqual([{ _id: 1, x: 11 }]);
    expect(await db.collection('b').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, y: 1 },
      { _id: 9, y: 9 },
    ]);
  });

  it('an ordered bulkWrite stops at the first error and reports it by index', async () => {
    const ns = `${target.db().databaseName}.c`;
    const error = await target
      .client()
      .bulkWrite([
        { name: 'insertOne', namespace: ns, document: { _id: 1 as never } },
        { name: 'insertOne', namespace: ns, document: { _id: 1 as never } },
        { name: 'insertOne', namespace: ns, document: { _id: 2 as never } },
      ])
      .catch((e: unknown) => e as { writeErrors: Map<number, { code: number }> });
    expect(
      (error as { writeErrors: Map<number, { code: number }> }).writeErrors.get(1),
    ).toMatchObject({
      code: 11000,
    });
    expect(await target.db().collection('c').countDocuments()).toBe(1);
  });
});

describe('let variables', () => {
  it('are evaluated once and usable in filters and pipeline updates', async () => {
    const coll = target.db().collection('let');
    await coll.insertMany([{ _id: 1 as never }, { _id: 2 as never }]);
    await coll.updateOne({ $expr: { $eq: ['$_id', '$$id'] } }, [{ $set: { x: '$$x', y: '$$y' } }], {
      let: { id: 1, x: 'foo', y: { $literal: 'bar' } },
    });
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, x: 'foo', y: 'bar' },
      { _id: 2 },
    ]);
    expect(
      await coll.find({ $expr: { $eq: ['$_id', '$$id'] } }, { let: { id: 2 } }).toArray(),
    ).toEqual([{ _id: 2 }]);
    const deleted = await coll.deleteOne({ $expr: { $eq: ['$_id', '$$id'] } }, { let: { id: 2 } });
    expect(deleted.deletedCount).toBe(1);
  });
});

describe('undefined variables', () => {
  const undefinedId = { $expr: { $eq: ['$_id', '$$id2'] } };

  it('are error 17276 when the filter is parsed, even with nothing to examine', async () => {
    const error = (await target
      .db()
      .collection('empty')
      .find(undefinedId)
      .toArray()
      .catch((e: unknown) => e)) as { code?: number; message: string };
    expect(error).toMatchObject({ code: 17276, message: 'Use of undefined variable: id2' });
  });

  it("are the statement's write error in a client bulkWrite; the others still run", async () => {
    const coll = target.db().collection('undef');
    await coll.insertMany([{ _id: 1 as never }, { _id: 2 as never }, { _id: 3 as never }]);
    const ns = `${target.db().databaseName}.undef`;
    const error = (await target
      .client()
      .bulkWrite(
        [
          { name: 'deleteOne', namespace: ns, filter: { _id: 1 as never } },
          { name: 'deleteOne', namespace: ns, filter: undefinedId },
          { name: 'deleteOne', namespace: ns, filter: { _id: 3 as never } },
        ],
        { ordered: false, verboseResults: true },
      )
      .catch((e: unknown) => e)) as { writeErrors: Map<number, { code: number }> };
    expect(error.writeErrors.get(1)).toMatchObject({ code: 17276 });
    expect(await coll.find().toArray()).toEqual([{ _id: 2 }]);
  });

  it('bound by $let, $map, $filter or $reduce, or named by let, are not undefined', async () => {
    const coll = target.db().collection('bound');
    await coll.insertMany([{ _id: 1 as never, a: [1, 2] }]);
    const found = await coll
      .find(
        {
          $and: [
            { $expr: { $let: { vars: { one: 1 }, in: { $eq: ['$_id', '$$one'] } } } },
            { $expr: { $eq: [{ $size: { $map: { input: '$a', in: '$$this' } } }, 2] } },
            {
              $expr: {
                $gt: [
                  {
                    $reduce: { input: '$a', initialValue: 0, in: { $add: ['$$value', '$$this'] } },
                  },
                  '$$min',
                ],
              },
            },
            {
              $expr: {
                $eq: [{ $filter: { input: '$a', as: 'n', cond: { $gt: ['$$n', 1] } } }, [2]],
              },
            },
            { $expr: { $lt: ['$$NOW', new Date(8.64e15)] } },
          ],
        },
        { let: { min: 2 } },
      )
      .toArray();
    expect(found).toEqual([{ _id: 1, a: [1, 2] }]);
  });
});
