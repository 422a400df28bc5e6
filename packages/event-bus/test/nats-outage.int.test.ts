import {
  startNatsServer,
  startTestMongo,
  waitFor,
  type TestMongo,
  type TestNatsServer,
} from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEventConsumer,
  createOutbox,
  createOutboxRelay,
  exponentialBackoff,
  on,
  type ProcessedEvent,
} from '../src/index.js';
import { counterIncremented } from './fixtures/test-events.js';
import { startHarness, type EventBusHarness } from './support/event-bus-harness.js';

type CounterTotal = { _id: string; total: number; eventIds: string[] };

let mongo: TestMongo;
let nats: TestNatsServer;
let publisher: EventBusHarness;
let subscriber: EventBusHarness;

beforeAll(async () => {
  mongo = await startTestMongo();
  nats = await startNatsServer();
});
afterAll(async () => {
  await nats.stop();
  await mongo.stop();
});

describe('a publishing and a consuming service while NATS goes down mid-stream', () => {
  it('loses no event and applies none twice', async () => {
    // Two services: each its own database, one namespace on one NATS server.
    publisher = await startHarness(mongo, nats.url);
    subscriber = await startHarness(mongo, nats.url);
    const namespace = publisher.namespace;
    await subscriber.conn.createCollection('counter_totals');
    await subscriber.conn.createCollection('processed_events');
    const totals = subscriber.conn.collection<CounterTotal>('counter_totals');

    const outbox = createOutbox(publisher.conn, { source: 'bus-test', namespace });
    const relay = createOutboxRelay({
      conn: publisher.conn,
      nc: publisher.nc,
      namespace,
      logger: publisher.logger,
      pollMs: 20,
      publishTimeoutMs: 1_000,
      backoff: exponentialBackoff({ baseMs: 50, maxMs: 400 }),
    });
    const consumer = createEventConsumer({
      conn: subscriber.conn,
      nc: subscriber.nc,
      namespace,
      consumerName: 'bus-test-outage',
      logger: subscriber.logger,
      handlers: on(counterIncremented, async (event, { session }) => {
        await totals.updateOne(
          { _id: event.data.counterId },
          { $inc: { total: event.data.by }, $push: { eventIds: event.id } },
          { upsert: true, session },
        );
      }),
    });

    try {
      relay.start();
      await consumer.start();
      const emitted: string[] = [];
      const emit = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const envelope = await outbox.withTransaction(async ({ emit }) =>
            emit(counterIncremented, { counterId: 'c1', by: 1 }, { subject: 'c1' }),
          );
          emitted.push(envelope.id);
        }
      };
      const applied = async () => (await totals.findOne({ _id: 'c1' }))?.eventIds.length ?? 0;

      await emit(10);
      await waitFor(async () => (await applied()) >= 5, {
        description: 'the first events to arrive',
      });

      await nats.kill();
      await emit(10);
      await waitFor(() => publisher.conn.collection('outbox').findOne({ attempts: { $gt: 0 } }), {
        description: 'the relay to have failed to publish while NATS is down',
      });
      await nats.restart();
      await emit(5);

      await waitFor(async () => (await applied()) >= 25, {
        timeoutMs: 30_000,
        description: 'all 25 events to be applied after NATS is back',
      });
      const counter = await totals.findOne({ _id: 'c1' });
      expect(counter?.total).toBe(25);
      expect([...(counter?.eventIds ?? [])].sort()).toEqual([...emitted].sort());
      expect(
        await subscriber.conn.collection<ProcessedEvent>('processed_events').countDocuments(),
      ).toBe(25);
    } finally {
      await relay.stop();
      await consumer.stop();
      await publisher.close();
      await subscriber.close();
    }
  });
});
