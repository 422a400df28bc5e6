import { BSON } from 'mongodb';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('handshake');

/** A legacy OP_QUERY `isMaster` on admin.$cmd, as drivers send before they know OP_MSG works. */
function opQueryIsMaster(): Buffer {
  const name = Buffer.from('admin.$cmd\0');
  const query = Buffer.from(BSON.serialize({ isMaster: 1 }));
  const head = Buffer.alloc(20);
  head.writeInt32LE(11, 4);
  head.writeInt32LE(2004, 12);
  const tail = Buffer.alloc(8);
  tail.writeInt32LE(-1, 4);
  const message = Buffer.concat([head, name, tail, query]);
  message.writeInt32LE(message.length, 0);
  return message;
}

describe('handshake', () => {
  it('hello presents a writable replica-set primary with the limits drivers need', async () => {
    const hello = await target.client().db('admin').command({ hello: 1 });
    expect(hello).toMatchObject({ ok: 1, isWritablePrimary: true, secondary: false });
    expect(typeof hello.setName).toBe('string');
    expect(hello.hosts).toContain(hello.me);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(8);
    expect(hello.minWireVersion).toBeLessThanOrEqual(8);
    expect(hello.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
    expect(hello.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    expect(hello.maxMessageSizeBytes).toBe(48_000_000);
    expect(hello.maxWriteBatchSize).toBe(100_000);
    expect(hello.topologyVersion).toHaveProperty('processId');
    expect(typeof hello.connectionId).toBe('number');
  });

  it('the legacy isMaster name answers with ismaster', async () => {
    const reply = await target.client().db('admin').command({ isMaster: 1 });
    expect(reply).toMatchObject({ ok: 1, ismaster: true });
  });

  it('answers an OP_QUERY isMaster with an OP_REPLY', async () => {
    const { hostname, port } = new URL(target.server().uri.replace(/^mongodb:/, 'http:'));
    const reply = await new Promise<Buffer>((resolve, reject) => {
      const socket = connect(Number(port || 27017), hostname);
      let received = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (received.length >= 4 && received.length >= received.readInt32LE(0)) {
          socket.destroy();
          resolve(received);
        }
      });
      socket.on('error', reject);
      socket.write(opQueryIsMaster());
    });
    expect(reply.readInt32LE(12)).toBe(1);
    expect(reply.readInt32LE(8)).toBe(11);
    expect(reply.readInt32LE(32)).toBe(1);
    expect(BSON.deserialize(reply.subarray(36))).toMatchObject({ ok: 1, ismaster: true });
  });

  it('replies carry $clusterTime and operationTime, a write moves them on, and a causally consistent session reads its write', async () => {
    const ping = await target.client().db('admin').command({ ping: 1 });
    expect(ping.$clusterTime.clusterTime).toBeInstanceOf(BSON.Timestamp);
    expect(ping.operationTime).toBeInstanceOf(BSON.Timestamp);
    const session = target.client().startSession({ causalConsistency: true });
    try {
      const coll = target.db().collection<{ _id: number }>('causal');
      await coll.insertOne({ _id: 1 }, { session });
      expect(session.operationTime?.greaterThan(ping.operationTime as BSON.Timestamp)).toBe(true);
      // The driver now sends readConcern.afterClusterTime with the insert's operationTime.
      expect(await coll.findOne({ _id: 1 }, { session })).toEqual({ _id: 1 });
    } finally {
      await session.endSession();
    }
  });

  it('ping, buildInfo and getParameter answer', async () => {
    const admin = target.client().db('admin');
    expect(await admin.command({ ping: 1 })).toMatchObject({ ok: 1 });
    const info = await admin.command({ buildInfo: 1 });
    expect(info.versionArray[0]).toBeGreaterThanOrEqual(4);
    const fcv = await admin.command({ getParameter: 1, featureCompatibilityVersion: 1 });
    expect(fcv.featureCompatibilityVersion.version).toMatch(/^\d+\.\d+$/);
  });
});
