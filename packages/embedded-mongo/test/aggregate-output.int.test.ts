import { MongoServerError } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('aggregate_output');

async function failure(p: Promise<unknown>): Promise<MongoServerError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return error as MongoServerError;
}

describe('$out, $merge and {aggregate: 1}', () => {
  beforeEach(async () => {
    const db = target.db();
    await db.dropDatabase();
    await db.collection('source').insertMany([
      { _id: 1 as never, x: 11 },
      { _id: 2 as never, x: 22 },
      { _id: 3 as never, x: 33 },
    ]);
  });

  it('given a target with documents and an index, when $out runs, then the target holds exactly the output and keeps its index', async () => {
    const db = target.db();
    await db.collection('out').insertOne({ _id: 9 as never, old: true });
    await db.collection('out').createIndex({ x: 1 }, { name: 'x_1' });

    const batch = await db
      .collection('source')
      .aggregate([{ $match: { _id: { $gt: 1 } } }, { $out: 'out' }])
      .toArray();

    expect(batch).toEqual([]);
    expect(await db.collection('out').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 2, x: 22 },
      { _id: 3, x: 33 },
    ]);
    const indexes = await db.collection('out').listIndexes().toArray();
    expect(indexes.map((i) => i.name)).toContain('x_1');
  });

  it('given output with a duplicate _id, when $out runs, then it fails with 11000 and the target is unchanged', async () => {
    const db = target.db();
    await db.collection('out').insertOne({ _id: 9 as never, old: true });

    const error = await failure(
      db
        .collection('source')
        .aggregate([{ $project: { _id: { $literal: 1 } } }, { $out: 'out' }])
        .toArray(),
    );

    expect(error.code).toBe(11000);
    expect(await db.collection('out').find().toArray()).toEqual([{ _id: 9, old: true }]);
  });

  it('given matching and new documents, when $merge runs with the defaults, then it merges matches and inserts the rest', async () => {
    const db = target.db();
    await db.collection('into').insertOne({ _id: 2 as never, y: 'kept' });

    await db
      .collection('source')
      .aggregate([{ $merge: { into: 'into' } }])
      .toArray();

    expect(await db.collection('into').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, x: 11 },
      { _id: 2, y: 'kept', x: 22 },
      { _id: 3, x: 33 },
    ]);
  });

  it('given whenMatched as a pipeline with let, when $merge runs, then the pipeline computes the new image', async () => {
    const db = target.db();
    await db.collection('into').insertOne({ _id: 1 as never, total: 100 });

    await db
      .collection('source')
      .aggregate([
        {
          $merge: {
            into: 'into',
            let: { add: '$x' },
            whenMatched: [{ $set: { total: { $add: ['$total', '$$add'] } } }],
            whenNotMatched: 'discard',
          },
        },
      ])
      .toArray();

    expect(await db.collection('into').find().toArray()).toEqual([{ _id: 1, total: 111 }]);
  });

  it('given whenMatched "fail" and a match, when $merge runs, then it fails with 11000 and keyValue', async () => {
    const db = target.db();
    await db.collection('into').insertOne({ _id: 2 as never });

    const error = await failure(
      db
        .aggregate([
          { $documents: [{ _id: 2, x: 1 }] },
          { $merge: { into: 'into', whenMatched: 'fail' } },
        ])
        .toArray(),
    );

    expect(error.code).toBe(11000);
    expect(error.errorResponse.keyValue).toEqual({ _id: 2 });
  });

  it('given whenNotMatched "fail" and no match, when $merge runs, then it fails with 13113', async () => {
    const error = await failure(
      target
        .db()
        .collection('source')
        .aggregate([{ $merge: { into: 'empty', whenNotMatched: 'fail' } }])
        .toArray(),
    );

    expect(error.code).toBe(13113);
  });

  it('given "on" fields without a unique index, when $merge runs, then it is refused with 51183', async () => {
    const error = await failure(
      target
        .db()
        .collection('source')
        .aggregate([{ $merge: { into: 'into', on: 'x' } }])
        .toArray(),
    );

    expect(error.code).toBe(51183);
  });

  it('given $out before the last stage or in a transaction, when the aggregate runs, then it is refused', async () => {
    const db = target.db();
    const notLast = await failure(
      db
        .collection('source')
        .aggregate([{ $out: 'out' }, { $match: {} }])
        .toArray(),
    );
    expect(notLast.code).toBe(40601);

    const session = target.client().startSession();
    try {
      session.startTransaction();
      const inTxn = await failure(
        db
          .collection('source')
          .aggregate([{ $out: 'out' }], { session })
          .toArray(),
      );
      expect(inTxn.code).toBe(263);
    } finally {
      await session.endSession();
    }
  });

  it('given {aggregate: 1} with $documents, when it runs, then the documents flow through the pipeline', async () => {
    const rows = await target
      .db()
      .aggregate([{ $documents: [{ a: 1 }, { a: 2 }] }, { $match: { a: 2 } }])
      .toArray();

    expect(rows).toEqual([{ a: 2 }]);
  });

  it('given {aggregate: 1} with a stage that needs a collection, when it runs, then it fails with 73', async () => {
    const error = await failure(
      target
        .db()
        .aggregate([{ $match: {} }])
        .toArray(),
    );

    expect(error.code).toBe(73);
  });

  it('given an unknown read concern level, or linearizable with $out, when the aggregate runs, then it is refused', async () => {
    const coll = target.db().collection('source');
    const unknown = await failure(
      coll.aggregate([], { readConcern: { level: 'nonsense' as never } }).toArray(),
    );
    expect(unknown.code).toBe(2);

    const linearizable = await failure(
      coll.aggregate([{ $out: 'out' }], { readConcern: { level: 'linearizable' } }).toArray(),
    );
    expect(linearizable.code).toBe(72);
  });
});
