import { BSON, MongoClient } from 'mongodb';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('bad_input');

function hostPort(uri: string): { host: string; port: number } {
  const { hostname, port } = new URL(uri.replace(/^mongodb:/, 'http:'));
  return { host: hostname, port: Number(port || 27017) };
}

/** Writes raw bytes and resolves with the first reply bytes, or 'closed' if the server hung up. */
function rawExchange(bytes: Buffer): Promise<Buffer | 'closed'> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(hostPort(target.server().uri));
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.length >= received.readInt32LE(0)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on('close', () => resolve('closed'));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

function opMsg(body: Buffer, flags = 0): Buffer {
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + body.length, 0);
  header.writeInt32LE(7, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(2013, 12);
  header.writeUInt32LE(flags, 16);
  header[20] = 0;
  return Buffer.concat([header, body]);
}

function replyBody(reply: Buffer): BSON.Document {
  return BSON.deserialize(reply.subarray(21));
}

describe('bad input', () => {
  it('an unknown command gets CommandNotFound (59)', async () => {
    const error = await target
      .db()
      .command({ frobnicate: 1 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      ok: 0,
      code: 59,
      codeName: 'CommandNotFound',
      errmsg: "no such command: 'frobnicate'",
    });
  });

  it('wrong argument types get TypeMismatch / FailedToParse / BadValue codes', async () => {
    const db = target.db();
    await db.collection('typed').insertOne({ a: 1 });
    await expect(db.command({ find: 'typed', filter: 'not a document' })).rejects.toMatchObject({
      code: 14,
    });
    await expect(db.command({ find: 'typed', limit: -1 })).rejects.toMatchObject({ code: 2 });
    await expect(db.command({ find: 'typed', filter: { a: { $bogus: 1 } } })).rejects.toMatchObject(
      { code: 2 },
    );
    await expect(
      db
        .command({ update: 'typed', updates: [{ q: {}, u: { $set: { b: 1 }, c: 2 } }] })
        .then((r) => r.writeErrors?.[0]),
    ).resolves.toMatchObject({ code: 9 });
    await expect(db.command({ insert: 'typed', documents: 'x' })).rejects.toMatchObject({
      code: 14,
    });
  });

  it('listIndexes on a missing collection is NamespaceNotFound (26)', async () => {
    await expect(target.db().collection('missing').listIndexes().toArray()).rejects.toMatchObject({
      code: 26,
    });
  });

  it('commitTransaction without a transaction is NoSuchTransaction (251)', async () => {
    const session = target.client().startSession();
    const error = await target
      .client()
      .db('admin')
      .command({ commitTransaction: 1, txnNumber: 99, autocommit: false }, { session })
      .catch((e: unknown) => e);
    await session.endSession();
    expect(error).toMatchObject({ code: 251 });
  });

  it('a document over 16 MB is refused with BSONObjectTooLarge (10334) and the server keeps serving', async () => {
    const coll = target.db().collection('oversized');
    const huge = { blob: 'x'.repeat(16 * 1024 * 1024 + 10) };
    // Bypass the driver's own size check by sending the insert as a raw OP_MSG.
    const body = BSON.serialize({
      insert: 'oversized',
      documents: [huge],
      $db: target.db().databaseName,
    });
    const reply = await rawExchange(opMsg(Buffer.from(body)));
    expect(reply).not.toBe('closed');
    const doc = replyBody(reply as Buffer);
    expect(doc.writeErrors?.[0]?.code ?? doc.code).toBe(10334);
    await coll.insertOne({ small: true });
    expect(await coll.countDocuments()).toBe(1);
  });

  it('a message with a corrupt BSON body gets an error reply; a bad length closes only that connection', async () => {
    const corrupt = opMsg(
      Buffer.from([0x10, 0, 0, 0, 0x02, 0x61, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0, 0]),
    );
    const reply = await rawExchange(corrupt);
    expect(reply).not.toBe('closed');
    expect(replyBody(reply as Buffer).ok).toBe(0);

    const badLength = Buffer.alloc(16);
    badLength.writeInt32LE(3, 0);
    expect(await rawExchange(badLength)).toBe('closed');

    const unknownOpCode = Buffer.alloc(20);
    unknownOpCode.writeInt32LE(20, 0);
    unknownOpCode.writeInt32LE(9999, 12);
    expect(await rawExchange(unknownOpCode)).toBe('closed');

    const client = await new MongoClient(target.server().uri).connect();
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    await client.close();
  });

  it('a checksummed OP_MSG is accepted and a wrong checksum is rejected', async () => {
    const body = Buffer.from(BSON.serialize({ ping: 1, $db: 'admin' }));
    const withoutSum = opMsg(body, 1);
    const framed = Buffer.concat([withoutSum, Buffer.alloc(4)]);
    framed.writeInt32LE(framed.length, 0);
    const { crc32c } = await import('../src/wire/crc32c.js');
    framed.writeUInt32LE(crc32c(framed.subarray(0, framed.length - 4)), framed.length - 4);
    expect(replyBody((await rawExchange(framed)) as Buffer)).toMatchObject({ ok: 1 });
    framed.writeUInt32LE(0xdeadbeef, framed.length - 4);
    const rejected = await rawExchange(framed);
    expect(rejected === 'closed' || replyBody(rejected).ok === 0).toBe(true);
  });

  it('an invalid query operator does not disturb other clients', async () => {
    const coll = target.db().collection('resilient');
    await coll.insertOne({ a: 1 });
    const results = await Promise.allSettled([
      coll.find({ a: { $nope: 1 } }).toArray(),
      coll.find({ a: 1 }).toArray(),
    ]);
    expect(results[0]!.status).toBe('rejected');
    expect(results[1]).toMatchObject({ status: 'fulfilled', value: [{ a: 1 }] });
  });
});
