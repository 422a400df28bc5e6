import {
  createEnvelope,
  natsSubject,
  type EventData,
  type EventEnvelope,
} from '@heli/event-contracts';
import { currentRequestId } from '@heli/service-kit';
import { startTestMongo, waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createEventConsumer,
  deadLetters,
  DeadLetterReplayError,
  ensureContextStream,
  exponentialBackoff,
  on,
  onBatch,
  type DeadLetter,
  type EventConsumer,
  type EventHandlers,
  type ProcessedEvent,
} from '../src/index.js';
import { counterIncremented, counterRenamed, TEST_CONTEXT } from './fixtures/test-events.js';
import { startHarness, type EventBusHarness } from './support/event-bus-harness.js';

type CounterTotal = { _id: string; total: number; eventIds: string[] };

const CONSUMER = 'bus-test-totals';

let mongo: TestMongo;
let harness: EventBusHarness;
let consumer: EventConsumer | undefined;

beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});
beforeEach(async () => {
  harness = await startHarness(mongo);
  // Transactions cannot create collections on every server; create them up front.
  for (const name of ['counter_totals', 'processed_events', 'dead_letters']) {
    await harness.conn.createCollection(name);
  }
});
afterEach(async () => {
  await consumer?.stop();
  consumer = undefined;
  await harness.close();
});

const totals = () => harness.conn.collection<CounterTotal>('counter_totals');
const total = (counterId: string) => totals().findOne({ _id: counterId });

/** The projection under test: a running total per counter, remembering which events built it. */
function totalsHandlers(opts: { failFor?: (counterId: string) => boolean } = {}): EventHandlers {
  return on(counterIncremented, async (event, { session }) => {
    await totals().updateOne(
      { _id: event.data.counterId },
      { $inc: { total: event.data.by }, $push: { eventIds: event.id } },
      { upsert: true, session },
    );
    if (opts.failFor?.(event.data.counterId)) {
      throw new Error(`cannot total counter ${event.data.counterId}`);
    }
  });
}

async function startConsumer(handlers: EventHandlers, maxAttempts = 5): Promise<EventConsumer> {
  consumer = createEventConsumer({
    conn: harness.conn,
    nc: harness.nc,
    namespace: harness.namespace,
    consumerName: CONSUMER,
    logger: harness.logger,
    maxAttempts,
    handlers,
    retryBackoff: exponentialBackoff({ baseMs: 20, maxMs: 100 }),
  });
  await consumer.start();
  return consumer;
}

function increment(
  counterId: string,
  by = 1,
  requestId?: string,
): EventEnvelope<EventData<typeof counterIncremented>> {
  return createEnvelope(
    counterIncremented,
    { counterId, by },
    { source: 'bus-test', subject: counterId, ...(requestId ? { requestId } : {}) },
  );
}

async function publish(
  payload: EventEnvelope | string,
  opts: { msgID?: string; subject?: string } = {},
): Promise<void> {
  const data = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const msgID = opts.msgID ?? (typeof payload === 'string' ? undefined : payload.id);
  await harness.nc
    .jetstream()
    .publish(
      opts.subject ?? natsSubject(harness.namespace, counterIncremented),
      data,
      msgID === undefined ? {} : { msgID },
    );
}

function rename(counterId: string, name: string): EventEnvelope {
  return createEnvelope(
    counterRenamed,
    { counterId, name },
    { source: 'bus-test', subject: counterId },
  );
}

/**
 * The totals projection as a batch handler: one bulk write per batch. Remembers the size of every
 * batch it was given, and fails a whole batch that holds a counter `failFor` refuses.
 */
function batchedTotalsHandlers(opts: { failFor?: (counterId: string) => boolean } = {}) {
  const batchSizes: number[] = [];
  const handlers: EventHandlers = {
    ...onBatch([counterIncremented], async (events, { session }) => {
      batchSizes.push(events.length);
      await totals().bulkWrite(
        events.filter(isEvent(counterIncremented)).map((event) => ({
          updateOne: {
            filter: { _id: event.data.counterId },
            update: { $inc: { total: event.data.by }, $push: { eventIds: event.id } },
            upsert: true,
          },
        })),
        { session },
      );
      const refused = events
        .filter(isEvent(counterIncremented))
        .find((event) => opts.failFor?.(event.data.counterId));
      if (refused) throw new Error(`cannot total counter ${refused.data.counterId}`);
    }),
    // A plain handler beside the batch handler: it runs inside the same batch transaction.
    ...on(counterRenamed, async (event, { session }) => {
      await totals().updateOne(
        { _id: event.data.counterId },
        { $set: { name: event.data.name } },
        { upsert: true, session },
      );
    }),
  };
  return { handlers, batchSizes };
}

const isEvent =
  <E extends typeof counterIncremented>(definition: E) =>
  (event: EventEnvelope): event is EventEnvelope<EventData<E>> =>
    event.type === definition.fullType;

/** Delivers the whole stream to the consumer again, as a lost ack or a server restart would. */
async function redeliverStream(): Promise<void> {
  await consumer?.stop();
  await harness.jsm.consumers.delete(harness.stream, CONSUMER);
  await consumer?.start();
}

const processedCount = () =>
  harness.conn
    .collection<ProcessedEvent>('processed_events')
    .countDocuments({ consumerName: CONSUMER });

describe('event consumer', () => {
  it('applies an event once when the same event is delivered twice', async () => {
    await startConsumer(totalsHandlers());
    const event = increment('c1', 3);
    await publish(event, { msgID: `${event.id}-first` });
    await publish(event, { msgID: `${event.id}-again` });
    await publish(increment('sentinel'));

    // Messages of a stream are handled in order, so the sentinel comes after both copies.
    await waitFor(() => total('sentinel'), { description: 'the sentinel event to be applied' });
    expect(await total('c1')).toEqual({ _id: 'c1', total: 3, eventIds: [event.id] });
    expect(await processedCount()).toBe(2);
  });

  it('rolls back a failed attempt and applies the event once on redelivery', async () => {
    let attempts = 0;
    await startConsumer(totalsHandlers({ failFor: () => ++attempts === 1 }));
    const event = increment('c1', 2);
    await publish(event);

    await waitFor(() => total('c1'), {
      description: 'the event to be applied on its second delivery',
    });
    expect(attempts).toBe(2);
    expect(await total('c1')).toEqual({ _id: 'c1', total: 2, eventIds: [event.id] });
  });

  it('runs handlers with the request id of the event', async () => {
    const seen: Array<string | undefined> = [];
    await startConsumer(
      on(counterIncremented, async () => {
        seen.push(currentRequestId());
      }),
    );
    const event = increment('c1', 1, 'req-from-gateway');
    await publish(event);

    await waitFor(() => seen.length > 0, { description: 'the handler to run' });
    expect(seen).toEqual(['req-from-gateway']);
  });

  it('acks event types it has no handler for without parking them', async () => {
    await startConsumer(totalsHandlers());
    const renamed = createEnvelope(
      counterRenamed,
      { counterId: 'c1', name: '督办计数' },
      { source: 'bus-test', subject: 'c1' },
    );
    await publish(renamed, { subject: natsSubject(harness.namespace, counterRenamed) });
    await publish(increment('sentinel'));

    await waitFor(() => total('sentinel'), { description: 'the sentinel event to be applied' });
    expect(await deadLetters(harness.conn).list()).toEqual([]);
    expect(await processedCount()).toBe(1);
  });

  it('parks unreadable and contract-breaking events at once without blocking later events', async () => {
    await startConsumer(totalsHandlers());
    const breaking = { ...increment('c1'), data: { counterId: 'c1', by: -4 } };
    await publish('{ this is not json');
    await publish(breaking);
    await publish(increment('c2', 5));

    await waitFor(() => total('c2'), {
      description: 'the valid event after the poison to be applied',
    });
    const parked = await waitFor(
      async () => {
        const letters = await deadLetters(harness.conn).list({ consumerName: CONSUMER });
        return letters.length === 2 ? letters : undefined;
      },
      { description: 'both poison events to be parked' },
    );
    expect(parked.map((l) => [l.reason, l.attempts, l.eventId]).sort()).toEqual(
      [
        ['invalid', 1, breaking.id],
        ['invalid', 1, null],
      ].sort(),
    );
    expect(await total('c1')).toBeNull();
  });

  it('parks an event whose handler keeps failing, then replays it once the handler is fixed', async () => {
    let fixed = false;
    const handlers = totalsHandlers({ failFor: (counterId) => counterId === 'broken' && !fixed });
    await startConsumer(handlers, 3);
    const failing = increment('broken', 7);
    await publish(failing);
    await publish(increment('healthy', 1));

    await waitFor(() => total('healthy'), { description: 'the healthy event to be applied' });
    const [letter] = await waitFor(
      async () => {
        const letters = await deadLetters(harness.conn).list();
        return letters.length > 0 ? letters : undefined;
      },
      { description: 'the failing event to be parked' },
    );
    expect(letter).toMatchObject<Partial<DeadLetter>>({
      _id: `${CONSUMER}:${failing.id}`,
      consumerName: CONSUMER,
      reason: 'failed',
      eventId: failing.id,
      attempts: 3,
    });
    expect(letter?.error.message).toBe('cannot total counter broken');
    expect(await total('broken')).toBeNull();

    const store = deadLetters(harness.conn, { [CONSUMER]: handlers });
    await expect(store.replay(letter!._id)).rejects.toThrow(DeadLetterReplayError);
    expect((await store.list())[0]?.attempts).toBe(4);

    fixed = true;
    expect(await store.replay(letter!._id)).toBe('applied');
    expect(await total('broken')).toEqual({ _id: 'broken', total: 7, eventIds: [failing.id] });
    expect(await store.list()).toEqual([]);
    await expect(store.replay(letter!._id)).rejects.toThrow(/no dead letter/);
  });

  it('discards a dead letter for good', async () => {
    await startConsumer(totalsHandlers());
    await publish('garbage');
    const store = deadLetters(harness.conn);
    const [letter] = await waitFor(
      async () => {
        const letters = await store.list();
        return letters.length > 0 ? letters : undefined;
      },
      { description: 'the garbage to be parked' },
    );

    expect(await store.discard(letter!._id)).toBe(true);
    expect(await store.discard(letter!._id)).toBe(false);
    expect(await store.list()).toEqual([]);
  });

  it('re-applies every event once when rebuilt from the start', async () => {
    const started = await startConsumer(totalsHandlers());
    const events = [1, 2, 3, 4, 5].map((by) => increment('c1', by));
    for (const event of events) await publish(event);
    await waitFor(async () => (await total('c1'))?.total === 15, { description: 'all 5 applied' });

    await totals().deleteMany({});
    await started.rebuild('start');

    await waitFor(async () => (await total('c1'))?.total === 15, {
      description: 'all 5 re-applied',
    });
    expect((await total('c1'))?.eventIds).toEqual(events.map((e) => e.id));
  });

  it('re-applies only the events stored since a given time when rebuilt from then', async () => {
    const started = await startConsumer(totalsHandlers());
    for (const by of [1, 2]) await publish(increment('c1', by));
    await waitFor(async () => (await total('c1'))?.total === 3, {
      description: 'the first 2 applied',
    });
    const since = new Date();
    const later = [increment('c1', 10), increment('c1', 20)];
    for (const event of later) await publish(event);
    await waitFor(async () => (await total('c1'))?.total === 33, { description: 'all 4 applied' });

    await totals().deleteMany({});
    await started.rebuild(since);

    await waitFor(async () => (await total('c1'))?.total === 30, {
      description: 'the 2 later events re-applied',
    });
    expect((await total('c1'))?.eventIds).toEqual(later.map((e) => e.id));
  });
});

describe('batched event consumer', () => {
  // Events are published before the consumer starts, so they arrive together and fill batches.
  beforeEach(async () => {
    await ensureContextStream(harness.jsm, harness.namespace, TEST_CONTEXT);
  });

  it('applies a backlog in batches, once, with a processed marker for every event', async () => {
    const { handlers, batchSizes } = batchedTotalsHandlers();
    const events = Array.from({ length: 40 }, (_, i) => increment(`c${i % 4}`, i + 1));
    const renamed = rename('c0', '督办');
    for (const event of events.slice(0, 20)) await publish(event);
    await publish(renamed, {
      subject: natsSubject(harness.namespace, counterRenamed),
    });
    for (const event of events.slice(20)) await publish(event);
    await startConsumer(handlers);

    await waitFor(async () => (await processedCount()) === 41, { description: 'all 41 applied' });
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(batchSizes.reduce((sum, size) => sum + size, 0)).toBe(40);
    for (let c = 0; c < 4; c += 1) {
      const mine = events.filter((event) => event.data.counterId === `c${c}`);
      expect(await total(`c${c}`)).toMatchObject({
        total: mine.reduce((sum, event) => sum + event.data.by, 0),
        eventIds: mine.map((event) => event.id),
      });
    }
    expect(await total('c0')).toMatchObject({ name: '督办' });
    const markers = await harness.conn
      .collection<ProcessedEvent>('processed_events')
      .find({ consumerName: CONSUMER })
      .toArray();
    expect(markers.map((marker) => marker.eventId).sort()).toEqual(
      [...events, renamed].map((event) => event.id).sort(),
    );
    expect(markers.every((marker) => marker._id === `${CONSUMER}:${marker.eventId}`)).toBe(true);
  });

  it('changes nothing when a whole applied batch is delivered again', async () => {
    const { handlers, batchSizes } = batchedTotalsHandlers();
    const events = Array.from({ length: 30 }, (_, i) => increment('c1', i + 1));
    for (const event of events) await publish(event);
    await startConsumer(handlers);
    await waitFor(async () => (await total('c1'))?.total === 465, {
      description: 'all 30 applied',
    });
    const handled = batchSizes.length;

    await redeliverStream();
    await publish(increment('sentinel'));

    // The stream is consumed in order, so the sentinel is applied after every redelivered event.
    await waitFor(() => total('sentinel'), { description: 'the sentinel event to be applied' });
    expect(await total('c1')).toEqual({ _id: 'c1', total: 465, eventIds: events.map((e) => e.id) });
    expect(batchSizes.slice(handled)).toEqual([1]);
    expect(await processedCount()).toBe(31);
  });

  it('parks a poison event of a batch and applies the rest of the batch exactly once', async () => {
    let fixed = false;
    const { handlers } = batchedTotalsHandlers({
      failFor: (counterId) => counterId === 'poison' && !fixed,
    });
    const before = Array.from({ length: 10 }, (_, i) => increment('healthy', i + 1));
    const poison = increment('poison', 7);
    const after = Array.from({ length: 10 }, (_, i) => increment('healthy', 11 + i));
    for (const event of [...before, poison, ...after]) await publish(event);
    await startConsumer(handlers, 3);

    const [letter] = await waitFor(
      async () => {
        const letters = await deadLetters(harness.conn).list({ consumerName: CONSUMER });
        return letters.length > 0 ? letters : undefined;
      },
      { description: 'the poison event to be parked' },
    );
    expect(letter).toMatchObject<Partial<DeadLetter>>({
      _id: `${CONSUMER}:${poison.id}`,
      reason: 'failed',
      eventId: poison.id,
      attempts: 3,
    });
    expect(letter?.error.message).toBe('cannot total counter poison');
    expect(await total('healthy')).toEqual({
      _id: 'healthy',
      total: 210,
      eventIds: [...before, ...after].map((e) => e.id),
    });
    expect(await total('poison')).toBeNull();
    expect(await processedCount()).toBe(20);

    // Replay goes through the batch handler too, with a batch of one.
    fixed = true;
    const store = deadLetters(harness.conn, { [CONSUMER]: handlers });
    expect(await store.replay(letter!._id)).toBe('applied');
    expect(await total('poison')).toEqual({ _id: 'poison', total: 7, eventIds: [poison.id] });
    expect(await processedCount()).toBe(21);
  });
});
