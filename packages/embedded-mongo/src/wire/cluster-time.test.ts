import { BSON, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { ClusterTime } from './cluster-time.js';
import { encodeOpMsg } from './op-msg.js';

/** The body document of an OP_MSG reply (header 16 bytes, flags 4, section kind 1). */
const replyBody = (message: Buffer): BSON.Document =>
  BSON.deserialize(message.subarray(21), { promoteLongs: false });

describe('cluster time in replies', () => {
  it('appends $clusterTime and operationTime after the reply fields, with the current seconds', () => {
    const clusterTime = new ClusterTime();
    const before = Math.floor(Date.now() / 1000);
    const body = replyBody(encodeOpMsg({ n: 1, ok: 1 }, 7, 3, 0, clusterTime.nextElements()));
    expect(Object.keys(body)).toEqual(['n', 'ok', '$clusterTime', 'operationTime']);
    const time = body.operationTime as Timestamp;
    expect(time).toBeInstanceOf(Timestamp);
    expect(time.t).toBeGreaterThanOrEqual(before);
    expect(time.t).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(body.$clusterTime.clusterTime.equals(time)).toBe(true);
    expect(body.$clusterTime.signature.hash.buffer).toEqual(Buffer.alloc(20));
  });

  it('moves forward with every reply, whichever form it takes', () => {
    const clusterTime = new ClusterTime();
    const first = replyBody(encodeOpMsg({ ok: 1 }, 1, 1, 0, clusterTime.nextElements()))
      .operationTime as Timestamp;
    const second = clusterTime.nextFields().operationTime as Timestamp;
    const third = replyBody(encodeOpMsg({ ok: 1 }, 2, 2, 0, clusterTime.nextElements()))
      .operationTime as Timestamp;
    expect(second.greaterThan(first)).toBe(true);
    expect(third.greaterThan(second)).toBe(true);
  });

  it('leaves a reply without appended elements as it was', () => {
    const message = encodeOpMsg({ ok: 1 }, 1, 1);
    expect(replyBody(message)).toEqual({ ok: 1 });
    expect(message.readInt32LE(0)).toBe(message.length);
  });
});
