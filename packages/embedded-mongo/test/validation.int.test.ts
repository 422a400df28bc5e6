import { MongoServerError } from 'mongodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { start } from '../src/index.js';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('validation');

async function failure(p: Promise<unknown>): Promise<MongoServerError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return error as MongoServerError;
}

const staffSchema = {
  $jsonSchema: {
    bsonType: 'object',
    required: ['name'],
    properties: { name: { bsonType: 'string' }, grade: { bsonType: ['int', 'long'] } },
  },
};

describe('schema validation (validator, collMod)', () => {
  beforeEach(async () => {
    await target.db().dropDatabase();
  });

  it('given a $jsonSchema validator, when a document breaks it, then the write fails with 121 and errInfo, and nothing changes', async () => {
    const db = target.db();
    await db.createCollection('staff', { validator: staffSchema });
    const staff = db.collection('staff');
    await staff.insertOne({ _id: 1 as never, name: '张三', grade: 3 });

    const missing = await failure(staff.insertOne({ _id: 2 as never, grade: 3 }));
    expect(missing.code).toBe(121);
    expect(missing.errInfo).toMatchObject({ failingDocumentId: 2, details: expect.any(Object) });

    const wrongType = await failure(
      staff.updateOne({ _id: 1 as never }, { $set: { grade: 'high' } }),
    );
    expect(wrongType.code).toBe(121);
    expect(await staff.find().toArray()).toEqual([{ _id: 1, name: '张三', grade: 3 }]);
  });

  it('given collMod adds a query validator, when findOneAndUpdate breaks it, then 121 with the failing _id', async () => {
    const db = target.db();
    await db.collection('test').insertOne({ _id: 1 as never, x: 'a' });
    await db.command({ collMod: 'test', validator: { x: { $type: 'string' } } });

    const error = await failure(
      db.collection('test').findOneAndUpdate({ _id: 1 as never }, { $set: { x: 1 } }),
    );

    expect(error.code).toBe(121);
    expect(error.errInfo?.failingDocumentId).toBe(1);
    const [info] = await db.listCollections({ name: 'test' }).toArray();
    expect((info as { options: unknown }).options).toMatchObject({
      validator: { x: { $type: 'string' } },
    });
  });

  it('given validationLevel moderate, validationAction warn or bypassDocumentValidation, then the write goes through', async () => {
    const db = target.db();
    await db.collection('legacy').insertOne({ _id: 1 as never, x: 5 });
    await db.command({
      collMod: 'legacy',
      validator: { x: { $type: 'string' } },
      validationLevel: 'moderate',
    });
    // An already-invalid document may be updated under "moderate".
    await db.collection('legacy').updateOne({ _id: 1 as never }, { $set: { y: 1 } });
    await db.collection('legacy').insertOne(
      { _id: 2 as never, x: 7 },
      {
        bypassDocumentValidation: true,
      },
    );
    await db.command({ collMod: 'legacy', validationAction: 'warn' });
    await db.collection('legacy').insertOne({ _id: 3 as never, x: 9 });

    expect(await db.collection('legacy').countDocuments()).toBe(3);
  });

  it('given a validator inside a transaction, when a statement breaks it, then 121 and the transaction aborts', async () => {
    const db = target.db();
    await db.createCollection('staff', { validator: staffSchema });
    const session = target.client().startSession();
    try {
      session.startTransaction();
      const error = await failure(db.collection('staff').insertOne({ grade: 1 }, { session }));
      expect(error.code).toBe(121);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    expect(await db.collection('staff').countDocuments()).toBe(0);
  });

  it('given collMod with an unknown option, a bad level, or a missing collection, then it is refused', async () => {
    const db = target.db();
    await db.collection('c').insertOne({});
    expect((await failure(db.command({ collMod: 'c', expireAfterSeconds: 5 }))).code).toBe(72);
    expect((await failure(db.command({ collMod: 'c', validationLevel: 'sometimes' }))).code).toBe(
      2,
    );
    expect((await failure(db.command({ collMod: 'missing', validator: {} }))).code).toBe(26);
  });

  it('given a validator set by collMod on a data directory, when the server restarts, then it still applies', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'heli-validation-'));
    try {
      let server = await start({ port: 0, dataDir });
      let client = await new MongoClient(server.uri).connect();
      await client.db('d').collection('c').insertOne({ x: 'ok' });
      await client.db('d').command({ collMod: 'c', validator: { x: { $type: 'string' } } });
      await client.close();
      await server.stop();

      server = await start({ port: 0, dataDir });
      client = await new MongoClient(server.uri).connect();
      const error = await failure(client.db('d').collection('c').insertOne({ x: 1 }));
      await client.close();
      await server.stop();
      expect(error.code).toBe(121);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
