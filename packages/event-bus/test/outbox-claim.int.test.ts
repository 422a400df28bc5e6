import { startTestMongo, type TestMongo } from '@heli/testkit';
import type { Collection } from 'mongoose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox, type OutboxRecord } from '../src/index.js';
import { claimBatch, markPublished } from '../src/outbox-claim.js';
import { counterIncremented } from './fixtures/test-events.js';
import { startHarness, type EventBusHarness } from './support/event-bus-harness.js';

let mongo: TestMongo;
let harness: EventBusHarness;
let outbox: Collection<OutboxRecord>;
let written: string[];

beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});
beforeEach(async () => {
  harness = await startHarness(mongo);
  outbox = harness.conn.collection<OutboxRecord>('outbox');
  const writer = createOutbox(harness.conn, { source: 'bus-test', namespace: harness.namespace });
  for (let i = 0; i < 5; i++) {
    await writer.withTransaction(async ({ emit }) =>
      emit(counterIncremented, { counterId: 'c1', by: 1 }, { subject: 'c1' }),
    );
  }
  // Oldest first, as the relays see them.
  written = (await outbox.find({}, { sort: { createdAt: 1, _id: 1 } }).toArray()).map((r) => r._id);
});
afterEach(async () => {
  await harness.close();
});

const ids = (records: OutboxRecord[]) => records.map((r) => r._id);

describe('claiming outbox records', () => {
  it('gives a batch from the head to one relay and nothing to another while it is held', async () => {
    const now = new Date();
    const first = await claimBatch(outbox, { claimId: 'a#1', now, leaseMs: 10_000, batchSize: 3 });
    const second = await claimBatch(outbox, { claimId: 'b#1', now, leaseMs: 10_000, batchSize: 3 });

    expect(ids(first)).toEqual(written.slice(0, 3));
    expect(second).toEqual([]);
  });

  it('lets the next relay continue once the held batch is published', async () => {
    const now = new Date();
    const first = await claimBatch(outbox, { claimId: 'a#1', now, leaseMs: 10_000, batchSize: 3 });
    for (const record of first) await markPublished(outbox, record, 'a#1', now);

    const second = await claimBatch(outbox, { claimId: 'b#1', now, leaseMs: 10_000, batchSize: 3 });
    expect(ids(second)).toEqual(written.slice(3));
  });

  it('hands the records of a relay whose lease expired to another relay', async () => {
    const then = new Date();
    await claimBatch(outbox, { claimId: 'a#1', now: then, leaseMs: 1_000, batchSize: 5 });

    const later = new Date(then.getTime() + 1_001);
    const takenOver = await claimBatch(outbox, {
      claimId: 'b#1',
      now: later,
      leaseMs: 1_000,
      batchSize: 5,
    });
    expect(ids(takenOver)).toEqual(written);
  });

  it('never gives one record to two relays racing for the same batch', async () => {
    const now = new Date();
    const claims = await Promise.all(
      ['a#1', 'b#1', 'c#1'].map((claimId) =>
        claimBatch(outbox, { claimId, now, leaseMs: 10_000, batchSize: 5 }),
      ),
    );
    const claimed = claims.flatMap(ids);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claims.filter((batch) => batch.length > 0)).toHaveLength(1);
  });
});
