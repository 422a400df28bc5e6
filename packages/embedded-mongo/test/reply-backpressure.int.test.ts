import { BSON, MongoClient } from 'mongodb';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningServer } from '../src/index.js';

/**
 * A client that sends requests but never reads the replies must not make the server hold an
 * ever-growing queue of them (issue: streaming hello with maxAwaitTimeMS 0 grew 2–3 MB/s).
 * The server reports the reply bytes it holds in serverStatus.network.queuedReplyBytes.
 */
let server: RunningServer;
let observer: MongoClient;

beforeAll(async () => {
  server = await start({ port: 0 });
  observer = await new MongoClient(server.uri).connect();
});

afterAll(async () => {
  await observer.close();
  await server.stop();
});

function opMsg(command: BSON.Document, requestId: number, flags = 0): Buffer {
  const body = Buffer.from(BSON.serialize(command));
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + body.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(2013, 12);
  header.writeUInt32LE(flags, 16);
  return Buffer.concat([header, body]);
}

function silentClient(): Socket {
  const { hostname, port } = new URL(server.uri.replace(/^mongodb:/, 'http:'));
  const socket = connect({ host: hostname, port: Number(port) });
  socket.pause(); // never reads what the server sends
  return socket;
}

async function queuedReplyBytes(): Promise<number> {
  const status = await observer.db('admin').command({ serverStatus: 1 });
  return Number((status.network as { queuedReplyBytes: number }).queuedReplyBytes);
}

/** Samples the held reply bytes until the server has been blocked for a while; the largest. */
async function peakWhileBlocked(): Promise<number> {
  let peak = 0;
  let blockedSamples = 0;
  while (blockedSamples < 40) {
    const bytes = await queuedReplyBytes();
    peak = Math.max(peak, bytes);
    if (bytes > 0) blockedSamples++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return peak;
}

describe('replies to a client that does not read', () => {
  it('given a streaming hello with maxAwaitTimeMS 0 that is never read, then the server holds at most one socket buffer of replies', async () => {
    const socket = silentClient();
    const exhaustAllowed = 1 << 16;
    socket.write(
      opMsg(
        {
          hello: 1,
          maxAwaitTimeMS: 0,
          topologyVersion: { processId: new BSON.ObjectId(), counter: BSON.Long.ZERO },
          $db: 'admin',
        },
        1,
        exhaustAllowed,
      ),
    );

    const peak = await peakWhileBlocked();
    socket.destroy();

    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(256 * 1024);
  }, 120_000);

  it('given many pipelined requests whose replies are never read, then the server stops reading instead of queueing every reply', async () => {
    const socket = silentClient();
    const requests: Buffer[] = [];
    for (let i = 0; i < 60_000; i++) requests.push(opMsg({ ping: 1, $db: 'admin' }, i + 1));
    socket.write(Buffer.concat(requests));

    const peak = await peakWhileBlocked();
    socket.destroy();

    // 60,000 replies are over 10 MB; one read's worth of them is a few hundred KB.
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(2 * 1024 * 1024);
  }, 120_000);
});
