import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BSON, BSONSymbol, MongoClient, type Document } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { start } from '../src/index.js';
import { useDriverDatabase } from './support/driver-client.js';

/**
 * The deprecated BSON symbol type (14), which mongod stores and returns as sent, and compares,
 * sorts, indexes and matches as a string with the same text. The driver's default decoding
 * turns a symbol into a string, so every read here asks for unpromoted values and compares
 * extended JSON, where a symbol shows as `{ $symbol }`. Each holds against mongod 8.0 too.
 */
const target = useDriverDatabase('bson_symbol');

const fresh = (): ReturnType<ReturnType<typeof target.db>['collection']> =>
  target.db().collection(`c${Math.random().toString(36).slice(2, 10)}`);

const RAW = { promoteValues: false } as const;

function asJson(docs: Document[]): unknown[] {
  return docs.map((doc) => BSON.EJSON.serialize(doc, { relaxed: true }));
}

describe('the BSON symbol type', () => {
  it('insert and find keep symbols at the top level, in subdocuments and in arrays', async () => {
    const coll = fresh();
    await coll.insertOne({ _id: 1 as never, s: new BSONSymbol('abc'), plain: 'abc' });
    // insertMany sends its documents as a kind-1 sequence, which is decoded on its own.
    await coll.insertMany([
      { _id: 2 as never, nested: { s: new BSONSymbol('x') }, list: [1, new BSONSymbol('y')] },
      { _id: 3 as never, deep: [{ a: [new BSONSymbol('z')] }] },
    ]);
    expect(asJson(await coll.find({}, RAW).sort({ _id: 1 }).toArray())).toEqual([
      { _id: 1, s: { $symbol: 'abc' }, plain: 'abc' },
      { _id: 2, nested: { s: { $symbol: 'x' } }, list: [1, { $symbol: 'y' }] },
      { _id: 3, deep: [{ a: [{ $symbol: 'z' }] }] },
    ]);
  });

  it('aggregate returns symbols, and $type tells a symbol from a string', async () => {
    const coll = fresh();
    await coll.insertMany([
      { _id: 1 as never, s: new BSONSymbol('abc') },
      { _id: 2 as never, s: 'abc' },
    ]);
    const out = await coll
      .aggregate([{ $sort: { _id: 1 } }, { $project: { s: 1, t: { $type: '$s' } } }], RAW)
      .toArray();
    expect(asJson(out)).toEqual([
      { _id: 1, s: { $symbol: 'abc' }, t: 'symbol' },
      { _id: 2, s: 'abc', t: 'string' },
    ]);
    const ids = async (filter: Document): Promise<unknown[]> =>
      (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ s: { $type: 'symbol' } })).toEqual([1]);
    expect(await ids({ s: { $type: 14 } })).toEqual([1]);
    expect(await ids({ s: { $type: 'string' } })).toEqual([2]);
  });

  it('a symbol _id is stored as a symbol, found by the equal string, and collides with it', async () => {
    const coll = fresh();
    await coll.insertOne({ _id: new BSONSymbol('key') as never, n: 1 });
    expect(asJson(await coll.find({}, RAW).toArray())).toEqual([{ _id: { $symbol: 'key' }, n: 1 }]);
    expect(await coll.findOne({ _id: 'key' as never })).toMatchObject({ n: 1 });
    // mongod's _id index keys a symbol and a string with the same text alike.
    await expect(coll.insertOne({ _id: 'key' as never, n: 2 })).rejects.toMatchObject({
      code: 11000,
    });
    await coll.updateOne({ _id: 'key' as never }, { $inc: { n: 1 } });
    expect(asJson(await coll.find({}, RAW).toArray())).toEqual([{ _id: { $symbol: 'key' }, n: 2 }]);
  });

  it('upserts store a symbol _id from the filter or the replacement', async () => {
    const coll = fresh();
    await coll.updateOne(
      { _id: new BSONSymbol('u') as never },
      { $set: { n: 1 } },
      { upsert: true },
    );
    await coll.replaceOne({ n: 2 }, { _id: new BSONSymbol('r'), n: 2 } as never, {
      upsert: true,
    });
    expect(asJson(await coll.find({}, RAW).sort({ _id: 1 }).toArray())).toEqual([
      { _id: { $symbol: 'r' }, n: 2 },
      { _id: { $symbol: 'u' }, n: 1 },
    ]);
  });

  it('sorts symbols among strings by their text, after numbers and before objects', async () => {
    const coll = fresh();
    await coll.insertMany([
      { _id: 1 as never, v: 'b' },
      { _id: 2 as never, v: new BSONSymbol('c') },
      { _id: 3 as never, v: { x: 1 } },
      { _id: 4 as never, v: new BSONSymbol('a') },
      { _id: 5 as never, v: 7 },
    ]);
    const ascending = await coll.find({}, RAW).sort({ v: 1 }).toArray();
    expect(asJson(ascending).map((d) => (d as Document).v)).toEqual([
      7,
      { $symbol: 'a' },
      'b',
      { $symbol: 'c' },
      { x: 1 },
    ]);
    const descending = await coll.aggregate([{ $sort: { v: -1 } }]).toArray();
    expect(descending.map((d) => d._id)).toEqual([3, 2, 1, 4, 5]);
  });

  it('matches a symbol by the equal string, by range and by regex, as mongod does', async () => {
    const coll = fresh();
    await coll.insertMany([
      { _id: 1 as never, s: new BSONSymbol('abc') },
      { _id: 2 as never, s: 'abc' },
      { _id: 3 as never, s: new BSONSymbol('xyz') },
      { _id: 4 as never, s: [new BSONSymbol('abd')] },
    ]);
    const ids = async (filter: Document): Promise<unknown[]> =>
      (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(asJson(await coll.find({ s: 'abc' }, RAW).sort({ _id: 1 }).toArray())).toEqual([
      { _id: 1, s: { $symbol: 'abc' } },
      { _id: 2, s: 'abc' },
    ]);
    expect(await ids({ s: new BSONSymbol('abc') })).toEqual([1, 2]);
    expect(await ids({ s: { $in: ['xyz', 'abd'] } })).toEqual([3, 4]);
    expect(await ids({ s: { $gt: 'abc' } })).toEqual([3, 4]);
    expect(await ids({ s: { $regex: '^ab' } })).toEqual([1, 2, 4]);
    expect(await ids({ s: { $in: [/^x/] } })).toEqual([3]);
    expect(await ids({ s: { $ne: 'abc' } })).toEqual([3, 4]);
    expect(await ids({ $expr: { $eq: ['$s', 'abc'] } })).toEqual([1, 2]);
  });

  it('updates keep symbols they do not touch, and $set stores a symbol', async () => {
    const coll = fresh();
    await coll.insertOne({ _id: 1 as never, s: new BSONSymbol('keep'), n: 1 });
    await coll.updateOne({ _id: 1 as never }, { $inc: { n: 1 }, $set: { t: new BSONSymbol('t') } });
    const after = await coll.findOneAndUpdate(
      { s: 'keep' },
      { $push: { list: new BSONSymbol('p') as never } },
      { returnDocument: 'after', promoteValues: false },
    );
    expect(asJson([after!])).toEqual([
      { _id: 1, s: { $symbol: 'keep' }, n: 2, t: { $symbol: 't' }, list: [{ $symbol: 'p' }] },
    ]);
  });
});

describe('the BSON symbol type on a data directory', () => {
  it('keeps symbols across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'embedded-mongo-symbol-'));
    try {
      let server = await start({ port: 0, dataDir });
      let client = await new MongoClient(server.uri).connect();
      const written = [
        { _id: new BSONSymbol('k'), s: new BSONSymbol('v'), list: [new BSONSymbol('w'), 'w'] },
      ];
      await client
        .db('sym')
        .collection('c')
        .insertMany(written as never);
      await client
        .db('sym')
        .collection('c')
        .updateOne({ _id: 'k' as never }, { $set: { t: new BSONSymbol('t') } });
      await client.close();
      await server.stop();

      server = await start({ port: 0, dataDir });
      client = await new MongoClient(server.uri).connect();
      try {
        const docs = await client.db('sym').collection('c').find({}, RAW).toArray();
        expect(asJson(docs)).toEqual([
          {
            _id: { $symbol: 'k' },
            s: { $symbol: 'v' },
            list: [{ $symbol: 'w' }, 'w'],
            t: { $symbol: 't' },
          },
        ]);
      } finally {
        await client.close();
        await server.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
