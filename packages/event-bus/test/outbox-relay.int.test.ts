import { runWithRequestContext } from '@heli/service-kit';
import {
  startNatsServer,
  startTestMongo,
  waitFor,
  type TestMongo,
  type TestNatsServer,
} from '@heli/testkit';
import mongoose from 'mongoose';
import type { NatsConnection } from 'nats';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  createOutbox,
  createOutboxRelay,
  exponentialBackoff,
  type OutboxRecord,
  type OutboxRelay,
} from '../src/index.js';
import { counterIncremented } from './fixtures/test-events.js';
import { startHarness, type EventBusHarness } from './support/event-bus-harness.js';

let mongo: TestMongo;
let harness: EventBusHarness;
const relays: OutboxRelay[] = [];

beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  await harness.close();
});

function relayOn(nc: NatsConnection): OutboxRelay {
  const relay = createOutboxRelay({
    conn: harness.conn,
    nc,
    namespace: harness.namespace,
    logger: harness.logger,
    pollMs: 20,
    publishTimeoutMs: 1_000,
    backoff: exponentialBackoff({ baseMs: 50, maxMs: 400 }),
  });
  relays.push(relay);
  return relay;
}

async function emitIncrements(count: number, counterId = 'c1'): Promise<string[]> {
  const outbox = createOutbox(harness.conn, { source: 'bus-test', namespace: harness.namespace });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const envelope = await outbox.withTransaction(async ({ emit }) =>
      emit(counterIncremented, { counterId, by: 1 }, { subject: counterId }),
    );
    ids.push(envelope.id);
  }
  return ids;
}

const outbox = () => harness.conn.collection<OutboxRecord>('outbox');

async function allPublished(expected: number): Promise<boolean> {
  const published = await outbox().countDocuments({ publishedAt: { $ne: null } });
  return published === expected;
}

/** The message id of every message in the stream, in stream order. */
async function streamMessageIds(): Promise<string[]> {
  const { state } = await harness.jsm.streams.info(harness.stream);
  const ids: string[] = [];
  for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
    const message = await harness.jsm.streams.getMessage(harness.stream, { seq });
    ids.push(message.header.get('Nats-Msg-Id'));
  }
  return ids;
}

describe('outbox relay', () => {
  it('publishes each committed event with its id as message id, its request id and content type', async () => {
    harness = await startHarness(mongo);
    relayOn(harness.nc).start();
    const [id] = await runWithRequestContext({ requestId: 'req-relay-1' }, () => emitIncrements(1));

    await waitFor(() => allPublished(1), { description: 'the event to be published' });
    const message = await harness.jsm.streams.getMessage(harness.stream, { seq: 1 });
    expect(message.subject).toBe(`${harness.namespace}.bus-test.counter.incremented`);
    expect(message.header.get('Nats-Msg-Id')).toBe(id);
    expect(message.header.get('x-request-id')).toBe('req-relay-1');
    expect(message.header.get('Content-Type')).toBe('application/cloudevents+json');
    expect(message.json()).toMatchObject({ id, type: 'heli.bus-test.counter.incremented.v1' });
  });

  it('publishes every event exactly once, oldest first, when two replicas relay one outbox', async () => {
    harness = await startHarness(mongo);
    const waiting = await emitIncrements(30);
    const oldestFirst = (
      await outbox()
        .find({}, { sort: { createdAt: 1, _id: 1 }, projection: { _id: 1 } })
        .toArray()
    ).map((r) => r._id);

    relayOn(harness.nc).start();
    relayOn(await harness.connectNats()).start();
    const whileRunning = await emitIncrements(30);

    await waitFor(() => allPublished(60), { description: 'all 60 events to be published' });
    const published = await streamMessageIds();
    expect(published).toHaveLength(60);
    expect(new Set(published)).toEqual(new Set([...waiting, ...whileRunning]));
    // Records waiting before either relay started go out in the order they were written.
    expect(published.slice(0, 30)).toEqual(oldestFirst);
  });

  it('still finds, while backed off for idleness, a record another process wrote', async () => {
    harness = await startHarness(mongo);
    const relay = createOutboxRelay({
      conn: harness.conn,
      nc: harness.nc,
      namespace: harness.namespace,
      logger: harness.logger,
      pollMs: 20,
      idlePollMs: 200,
    });
    relays.push(relay);
    relay.start();
    // Long enough for several empty polls, so the relay is at its longest interval.
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Another connection, as another replica's: its commit wakes no relay in this one.
    const other = await mongoose
      .createConnection(mongo.uri, { dbName: harness.conn.name })
      .asPromise();
    onTestFinished(() => other.close());
    const writer = createOutbox(other, { source: 'bus-test', namespace: harness.namespace });
    const envelope = await writer.withTransaction(async ({ emit }) =>
      emit(counterIncremented, { counterId: 'c1', by: 1 }, { subject: 'c1' }),
    );

    await waitFor(() => allPublished(1), { description: 'the polled record to be published' });
    expect(await streamMessageIds()).toEqual([envelope.id]);
  });

  it('keeps events while NATS is down and publishes each of them once when it is back', async () => {
    const nats: TestNatsServer = await startNatsServer();
    onTestFinished(() => nats.stop());
    harness = await startHarness(mongo, nats.url);
    relayOn(harness.nc).start();
    const before = await emitIncrements(5);
    await waitFor(() => allPublished(5), { description: 'the first 5 events to be published' });

    await nats.kill();
    const duringOutage = await emitIncrements(5);
    await waitFor(() => outbox().findOne({ attempts: { $gt: 0 } }), {
      description: 'the relay to fail publishing while NATS is down',
    });
    expect(await outbox().countDocuments({ publishedAt: null })).toBe(5);

    await nats.restart();
    await waitFor(() => allPublished(10), {
      timeoutMs: 20_000,
      description: 'every event to be published after NATS is back',
    });
    const published = await streamMessageIds();
    expect(published).toHaveLength(10);
    expect(new Set(published)).toEqual(new Set([...before, ...duringOutage]));
  });
});
