import { BSON, Long, MongoClient, type ClientSession, type Document } from 'mongodb';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

/**
 * One test per answer this server used to give that looked like success but was wrong
 * (issue 14). Each holds against a real mongod 8.0 too (MONGODB_URI).
 */
const target = useDriverDatabase('silent_wrong');

const fresh = (): ReturnType<ReturnType<typeof target.db>['collection']> =>
  target.db().collection(`c${Math.random().toString(36).slice(2, 10)}`);

async function inSession<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = target.client().startSession();
  try {
    return await fn(session);
  } finally {
    await session.endSession();
  }
}

async function collectionNames(): Promise<string[]> {
  const list = await target.db().listCollections({}, { nameOnly: true }).toArray();
  return list.map((c) => c.name);
}

describe('numbers', () => {
  it('$inc on an Int64 above 2^53 updates it (and findAndModify returns the new value)', async () => {
    const coll = fresh();
    const big = Long.fromString('9007199254740993');
    await coll.insertOne({ _id: 1 as never, n: big });
    const result = await coll.updateOne({ _id: 1 as never }, { $inc: { n: 1 } });
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const stored = await coll.findOne({ _id: 1 as never }, { promoteLongs: false });
    expect(String(stored?.n)).toBe('9007199254740994');
    const after = await coll.findOneAndUpdate(
      { _id: 1 as never },
      { $inc: { n: Long.fromNumber(2) } },
      { returnDocument: 'after', promoteLongs: false },
    );
    expect(String(after?.n)).toBe('9007199254740996');
  });

  it('$inc past the Int32 maximum promotes to an Int64, as mongod does', async () => {
    const coll = fresh();
    await coll.insertOne({ _id: 1 as never, n: 2147483647 });
    await coll.updateOne({ _id: 1 as never }, { $inc: { n: 1 } });
    const typed = await coll.findOne({ _id: 1 as never, n: { $type: 'long' } });
    expect(typed).toMatchObject({ n: 2147483648 });
    const stored = await coll.findOne({ _id: 1 as never }, { promoteLongs: false });
    expect(stored?.n).toBeInstanceOf(Long);
  });

  it('$set on a path through a number is PathNotViable (28), not a no-op', async () => {
    const coll = fresh();
    await coll.insertOne({ _id: 1 as never, a: 5 });
    await expect(coll.updateOne({ _id: 1 as never }, { $set: { 'a.b': 1 } })).rejects.toMatchObject(
      { code: 28 },
    );
    expect(await coll.findOne({ _id: 1 as never })).toEqual({ _id: 1, a: 5 });
  });
});

describe('DDL inside a transaction', () => {
  it('create is invisible before commit and gone after abort', async () => {
    const name = `ddl${Math.random().toString(36).slice(2, 8)}`;
    await inSession(async (session) => {
      session.startTransaction();
      await target.db().createCollection(name, { session });
      expect(await collectionNames()).not.toContain(name);
      await session.abortTransaction();
    });
    expect(await collectionNames()).not.toContain(name);
  });

  it('create and createIndexes take effect at commit', async () => {
    const name = `ddl${Math.random().toString(36).slice(2, 8)}`;
    await inSession(async (session) => {
      session.startTransaction();
      const coll = await target.db().createCollection(name, { session });
      await coll.createIndex({ x: 1 }, { session, name: 'x_1' });
      await coll.insertOne({ x: 1 }, { session });
      expect(await collectionNames()).not.toContain(name);
      await session.commitTransaction();
    });
    expect(await collectionNames()).toContain(name);
    const indexes = await target.db().collection(name).listIndexes().toArray();
    expect(indexes.map((i) => i.name as string).sort()).toEqual(['_id_', 'x_1']);
    expect(await target.db().collection(name).countDocuments()).toBe(1);
  });
});

describe('options that change the result are honoured or refused', () => {
  it('a view is never a plain empty collection', async () => {
    const source = fresh();
    await source.insertOne({ a: 1 });
    const viewName = `v${Math.random().toString(36).slice(2, 8)}`;
    const created = await target
      .db()
      .createCollection(viewName, { viewOn: source.collectionName, pipeline: [] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    if (created !== undefined) {
      expect(created).toMatchObject({ code: 115 });
      return;
    }
    expect(
      await target
        .db()
        .collection(viewName)
        .find({}, { projection: { _id: 0 } })
        .toArray(),
    ).toEqual([{ a: 1 }]);
    await expect(target.db().collection(viewName).insertOne({ a: 2 })).rejects.toMatchObject({
      code: 166,
    });
  });

  it('distinct with a case-insensitive collation does not return both "PING" and "ping"', async () => {
    const coll = fresh();
    await coll.insertMany([{ s: 'PING' }, { s: 'ping' }]);
    const outcome = await coll
      .distinct('s', {}, { collation: { locale: 'en', strength: 2 } })
      .catch((e: unknown) => e);
    if (Array.isArray(outcome)) expect(outcome).toHaveLength(1);
    else expect(outcome).toMatchObject({ code: 115 });
  });

  it('a unique index with a strength-2 collation is not built over data that violates it', async () => {
    const coll = fresh();
    await coll.insertMany([{ s: 'PING' }, { s: 'ping' }]);
    await expect(
      coll.createIndex({ s: 1 }, { unique: true, collation: { locale: 'en', strength: 2 } }),
    ).rejects.toMatchObject({ code: expect.any(Number) as number });
    const names = (await coll.listIndexes().toArray()).map((i) => i.name as string);
    expect(names).toEqual(['_id_']);
  });

  it('a write concern one member cannot satisfy is reported, not acknowledged', async () => {
    const coll = fresh();
    await expect(coll.insertOne({ a: 1 }, { writeConcern: { w: 10 } })).rejects.toMatchObject({
      code: 100,
    });
    await expect(
      coll.insertOne({ a: 2 }, { writeConcern: { w: 'noSuchTag' as 'majority' } }),
    ).rejects.toMatchObject({ code: 79 });
  });
});

describe('refusals mongod makes', () => {
  it('count inside a transaction is OperationNotSupportedInTransaction (263)', async () => {
    const coll = fresh();
    await coll.insertOne({ a: 1 });
    await inSession(async (session) => {
      session.startTransaction();
      const outcome = await target
        .db()
        .command({ count: coll.collectionName }, { session })
        .catch((e: unknown) => e);
      expect(outcome).toMatchObject({ code: 263 });
      await session.abortTransaction().catch(() => undefined);
    });
  });

  it('a $-prefixed key inside _id is DollarPrefixedFieldName (52)', async () => {
    const coll = fresh();
    await expect(coll.insertOne({ _id: { $a: 1 } as never })).rejects.toMatchObject({ code: 52 });
    expect(await coll.countDocuments()).toBe(0);
  });
});

describe('wire', () => {
  it('answers messages pipelined before a malformed header, then closes', async () => {
    const { hostname, port } = new URL(target.server().uri.replace(/^mongodb:/, 'http:'));
    const body = Buffer.from(BSON.serialize({ ping: 1, $db: 'admin' }));
    const header = Buffer.alloc(21);
    header.writeInt32LE(21 + body.length, 0);
    header.writeInt32LE(1, 4);
    header.writeInt32LE(2013, 12);
    const bad = Buffer.alloc(16);
    bad.writeInt32LE(3, 0);
    const replies = await new Promise<Document[]>((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port) });
      let received = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
      });
      socket.on('close', () => {
        const docs: Document[] = [];
        for (let at = 0; at + 4 <= received.length; at += received.readInt32LE(at)) {
          docs.push(BSON.deserialize(received.subarray(at + 21, at + received.readInt32LE(at))));
        }
        resolve(docs);
      });
      socket.on('error', reject);
      socket.write(Buffer.concat([header, body, header, body, bad]));
    });
    expect(replies).toEqual([
      expect.objectContaining({ ok: 1 }),
      expect.objectContaining({ ok: 1 }),
    ]);
    const client = await new MongoClient(target.server().uri).connect();
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    await client.close();
  });
});
