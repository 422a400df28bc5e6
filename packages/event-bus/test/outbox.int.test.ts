import { runWithRequestContext } from '@heli/service-kit';
import { startTestMongo, type TestMongo } from '@heli/testkit';
import { Schema, type Model } from 'mongoose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox, type Outbox, type OutboxRecord } from '../src/index.js';
import { counterIncremented } from './fixtures/test-events.js';
import { startHarness, type EventBusHarness } from './support/event-bus-harness.js';

type Counter = { _id: string; value: number };

let mongo: TestMongo;
let harness: EventBusHarness;
let outbox: Outbox;
let Counters: Model<Counter>;

beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});
beforeEach(async () => {
  harness = await startHarness(mongo);
  outbox = createOutbox(harness.conn, { source: 'bus-test', namespace: harness.namespace });
  Counters = harness.conn.model<Counter>(
    'Counter',
    new Schema<Counter>({ _id: String, value: Number }),
  );
  await Counters.createCollection();
  await harness.conn.createCollection('outbox');
});
afterEach(async () => {
  await harness.close();
});

const outboxRecords = () => harness.conn.collection<OutboxRecord>('outbox').find().toArray();

describe('transactional outbox', () => {
  it('commits the entity write and its event record together', async () => {
    const envelope = await runWithRequestContext({ requestId: 'req-outbox-1' }, () =>
      outbox.withTransaction(async ({ session, emit }) => {
        await Counters.create([{ _id: 'c1', value: 1 }], { session });
        return emit(counterIncremented, { counterId: 'c1', by: 1 }, { subject: 'c1' });
      }),
    );

    expect(await Counters.findById('c1').lean()).toEqual({ _id: 'c1', value: 1, __v: 0 });
    const [record, ...others] = await outboxRecords();
    expect(others).toEqual([]);
    expect(record).toMatchObject({
      _id: envelope.id,
      subject: `${harness.namespace}.bus-test.counter.incremented`,
      stream: harness.stream,
      context: 'bus-test',
      publishedAt: null,
      attempts: 0,
      claimedBy: null,
      claimedUntil: null,
      envelope: {
        id: envelope.id,
        source: 'bus-test',
        type: 'heli.bus-test.counter.incremented.v1',
        subject: 'c1',
        requestid: 'req-outbox-1',
        data: { counterId: 'c1', by: 1 },
      },
    });
    expect(record?.createdAt).toBeInstanceOf(Date);
  });

  it('leaves neither the entity nor the event when the transaction body throws', async () => {
    const failure = outbox.withTransaction(async ({ session, emit }) => {
      await Counters.create([{ _id: 'c2', value: 1 }], { session });
      emit(counterIncremented, { counterId: 'c2', by: 1 }, { subject: 'c2' });
      throw new Error('the division does not exist');
    });

    await expect(failure).rejects.toThrow('the division does not exist');
    expect(await Counters.countDocuments()).toBe(0);
    expect(await outboxRecords()).toEqual([]);
  });

  it('refuses an event that breaks its contract and rolls the entity write back', async () => {
    const failure = outbox.withTransaction(async ({ session, emit }) => {
      await Counters.create([{ _id: 'c3', value: 1 }], { session });
      emit(counterIncremented, { counterId: 'c3', by: -5 }, { subject: 'c3' });
    });

    await expect(failure).rejects.toThrow(/invalid data/);
    expect(await Counters.countDocuments()).toBe(0);
    expect(await outboxRecords()).toEqual([]);
  });

  it('adds an event to a transaction the caller runs itself', async () => {
    const session = await harness.conn.startSession();
    try {
      await session.withTransaction(async () => {
        await Counters.create([{ _id: 'c4', value: 2 }], { session });
        await outbox.emitIn(
          session,
          counterIncremented,
          { counterId: 'c4', by: 2 },
          { subject: 'c4' },
        );
      });
    } finally {
      await session.endSession();
    }
    expect(await Counters.countDocuments()).toBe(1);
    expect((await outboxRecords()).map((r) => r.envelope.subject)).toEqual(['c4']);
  });
});
