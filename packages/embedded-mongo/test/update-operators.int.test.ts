import { Decimal128, Long, Timestamp, type Document } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('update_ops');

/** Inserts `doc`, applies `update` with updateOne, returns the stored document without _id. */
async function afterUpdate(
  doc: Document,
  update: Document | Document[],
  options: Document = {},
): Promise<Document | null> {
  const coll = target.db().collection(`c${Math.random().toString(36).slice(2, 8)}`);
  const { insertedId } = await coll.insertOne(doc);
  await coll.updateOne(
    { _id: insertedId, ...(options.filter as Document | undefined) },
    update,
    options,
  );
  return coll.findOne({ _id: insertedId }, { projection: { _id: 0 } });
}

describe('update operators', () => {
  it('$set and $unset on top-level and nested paths', async () => {
    expect(
      await afterUpdate(
        { a: 1, b: { c: 2, d: 3 } },
        { $set: { 'b.c': 20, e: 'new' }, $unset: { a: '', 'b.d': '' } },
      ),
    ).toEqual({ b: { c: 20 }, e: 'new' });
  });

  it('$inc, $mul, $min and $max', async () => {
    expect(
      await afterUpdate(
        { n: 5, m: 3, lo: 10, hi: 10 },
        { $inc: { n: 2, fresh: 1 }, $mul: { m: 4 }, $min: { lo: 4 }, $max: { hi: 40 } },
      ),
    ).toEqual({ n: 7, m: 12, lo: 4, hi: 40, fresh: 1 });
  });

  it('$rename moves a field', async () => {
    expect(await afterUpdate({ old: 1, keep: 2 }, { $rename: { old: 'renamed' } })).toEqual({
      keep: 2,
      renamed: 1,
    });
  });

  it('$currentDate sets a Date (or a Timestamp when asked)', async () => {
    const result = await afterUpdate(
      { x: 1 },
      { $currentDate: { at: true, ts: { $type: 'timestamp' } } },
    );
    expect(result?.at).toBeInstanceOf(Date);
    expect(result?.ts).toBeInstanceOf(Timestamp);
  });

  it('$push with $each, $position, $sort and $slice', async () => {
    expect(await afterUpdate({ xs: [1, 5] }, { $push: { xs: 3 } })).toEqual({ xs: [1, 5, 3] });
    expect(
      await afterUpdate({ xs: [1, 5] }, { $push: { xs: { $each: [9, 0], $position: 1 } } }),
    ).toEqual({ xs: [1, 9, 0, 5] });
    expect(
      await afterUpdate({ xs: [4, 1] }, { $push: { xs: { $each: [3, 2], $sort: 1, $slice: 3 } } }),
    ).toEqual({ xs: [1, 2, 3] });
  });

  it('$addToSet keeps values unique, with $each', async () => {
    expect(
      await afterUpdate({ tags: ['a'] }, { $addToSet: { tags: { $each: ['a', 'b', 'b'] } } }),
    ).toEqual({ tags: ['a', 'b'] });
  });

  it('$pop, $pull (with a condition) and $pullAll', async () => {
    expect(await afterUpdate({ xs: [1, 2, 3] }, { $pop: { xs: 1 } })).toEqual({ xs: [1, 2] });
    expect(await afterUpdate({ xs: [1, 2, 3] }, { $pop: { xs: -1 } })).toEqual({ xs: [2, 3] });
    expect(await afterUpdate({ xs: [1, 6, 2, 8] }, { $pull: { xs: { $gte: 6 } } })).toEqual({
      xs: [1, 2],
    });
    expect(await afterUpdate({ xs: [1, 2, 1, 3] }, { $pullAll: { xs: [1, 3] } })).toEqual({
      xs: [2],
    });
  });

  it('$pull removes embedded documents matching a query', async () => {
    const doc = {
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 5 },
      ],
    };
    expect(await afterUpdate(doc, { $pull: { items: { qty: { $gt: 2 } } } })).toEqual({
      items: [{ sku: 'a', qty: 1 }],
    });
  });

  it('$bit and/or/xor', async () => {
    expect(await afterUpdate({ f: 0b1100 }, { $bit: { f: { and: 0b1010 } } })).toEqual({
      f: 0b1000,
    });
    expect(await afterUpdate({ f: 0b1100 }, { $bit: { f: { or: 0b0011 } } })).toEqual({
      f: 0b1111,
    });
  });

  it('$setOnInsert applies only when the upsert inserts', async () => {
    const coll = target.db().collection('set_on_insert');
    await coll.updateOne(
      { key: 'k' },
      { $set: { v: 1 }, $setOnInsert: { created: 'first' } },
      { upsert: true },
    );
    await coll.updateOne(
      { key: 'k' },
      { $set: { v: 2 }, $setOnInsert: { created: 'second' } },
      { upsert: true },
    );
    expect(await coll.findOne({ key: 'k' }, { projection: { _id: 0 } })).toEqual({
      key: 'k',
      v: 2,
      created: 'first',
    });
  });

  it('an upsert seeds the new document from equality conditions of the query', async () => {
    const coll = target.db().collection('upsert_seed');
    const result = await coll.updateOne(
      { a: 1, 'b.c': 'x', $and: [{ d: { $eq: true } }], e: { $gt: 5 } },
      { $inc: { n: 1 } },
      { upsert: true },
    );
    expect(result.upsertedCount).toBe(1);
    expect(await coll.findOne({ _id: result.upsertedId! }, { projection: { _id: 0 } })).toEqual({
      a: 1,
      b: { c: 'x' },
      d: true,
      n: 1,
    });
  });

  it('the positional $ updates the first matching array element', async () => {
    const result = await afterUpdate(
      { grades: [80, 85, 90] },
      { $set: { 'grades.$': 86 } },
      { filter: { grades: 85 } },
    );
    expect(result).toEqual({ grades: [80, 86, 90] });
  });

  it('$[] and $[identifier] with arrayFilters', async () => {
    expect(await afterUpdate({ xs: [1, 2, 3] }, { $inc: { 'xs.$[]': 10 } })).toEqual({
      xs: [11, 12, 13],
    });
    const doc = {
      items: [
        { qty: 1, ok: false },
        { qty: 9, ok: false },
      ],
    };
    expect(
      await afterUpdate(
        doc,
        { $set: { 'items.$[big].ok': true } },
        { arrayFilters: [{ 'big.qty': { $gt: 5 } }] },
      ),
    ).toEqual({
      items: [
        { qty: 1, ok: false },
        { qty: 9, ok: true },
      ],
    });
  });

  it('pipeline-style updates compute fields from the document', async () => {
    expect(
      await afterUpdate({ a: 2, b: 3 }, [
        { $set: { sum: { $add: ['$a', '$b'] } } },
        { $unset: 'b' },
      ]),
    ).toEqual({ a: 2, sum: 5 });
  });

  it('replacement keeps the _id and drops other fields', async () => {
    const coll = target.db().collection('replace');
    const { insertedId } = await coll.insertOne({ a: 1, b: 2 });
    await coll.replaceOne({ _id: insertedId }, { c: 3 });
    expect(await coll.findOne({ _id: insertedId })).toEqual({ _id: insertedId, c: 3 });
  });

  it('a replacement counts as modified unless it is the stored document as sent, _id and all', async () => {
    const coll = target.db().collection('replace_same');
    await coll.insertOne({ _id: 1 as never, x: 1 });
    const withoutId = await coll.replaceOne({ _id: 1 as never }, { x: 1 });
    const whole = await coll.replaceOne({ _id: 1 as never }, { _id: 1 as never, x: 1 });
    const reordered = await coll.replaceOne({ _id: 1 as never }, { x: 1, _id: 1 as never });
    expect([withoutId, whole, reordered].map((r) => r.modifiedCount)).toEqual([1, 0, 1]);
    expect(await coll.find().toArray()).toEqual([{ _id: 1, x: 1 }]);
  });

  it('updateMany reports matched and modified counts', async () => {
    const coll = target.db().collection('many');
    await coll.insertMany([
      { g: 1, v: 0 },
      { g: 1, v: 5 },
      { g: 2, v: 0 },
    ]);
    const result = await coll.updateMany({ g: 1 }, { $set: { v: 5 } });
    expect([result.matchedCount, result.modifiedCount]).toEqual([2, 1]);
  });

  it('compares Long and Decimal128 with numbers by value', async () => {
    const coll = target.db().collection('numeric');
    const big = Long.fromString('9007199254740993');
    await coll.insertMany([
      { n: big },
      { n: Decimal128.fromString('7.5') },
      { n: Decimal128.fromString('2.5') },
      { n: 7 },
      { n: 3 },
    ]);
    const found = await coll
      .find({ n: { $gt: 5 } }, { projection: { _id: 0 } })
      .sort({ n: 1 })
      .toArray();
    expect(found.map((d) => String(d.n))).toEqual(['7', '7.5', big.toString()]);
    expect(await coll.countDocuments({ n: Decimal128.fromString('7') })).toBe(1);
  });

  it('modifying _id is refused with ImmutableField', async () => {
    const coll = target.db().collection('immutable');
    const { insertedId } = await coll.insertOne({ a: 1 });
    await expect(coll.updateOne({ _id: insertedId }, { $set: { _id: 5 } })).rejects.toMatchObject({
      code: 66,
    });
  });

  it('an unknown modifier is refused with FailedToParse', async () => {
    const coll = target.db().collection('unknown_modifier');
    await coll.insertOne({ a: 1 });
    await expect(
      coll.updateOne({ a: 1 }, { $frobnicate: { a: 2 } } as Document),
    ).rejects.toMatchObject({ code: 9 });
  });
});
