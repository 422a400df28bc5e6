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
