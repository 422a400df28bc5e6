import type { EventEnvelope } from '@heli/event-contracts';
import { startTestMongo, uniqueDbName, type TestMongo } from '@heli/testkit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordScoringEvent, recordScoringEvents } from '../src/ledger/record-scoring-event.js';
import { assessmentModels, type AssessmentModels } from '../src/models.js';
import { entryCited, matterCompleted } from './event-builders.js';

let mongo: TestMongo;
const connections: Connection[] = [];

beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await Promise.all(connections.map((conn) => conn.close()));
  await mongo.stop();
});

async function freshLedger(): Promise<{ conn: Connection; models: AssessmentModels }> {
  const conn = await mongoose
    .createConnection(mongo.uri, { dbName: uniqueDbName('assessment-batch') })
    .asPromise();
  connections.push(conn);
  const models = assessmentModels(conn);
  await Promise.all(Object.values(models).map((model) => model.init()));
  return { conn, models };
}

/** The ledger without the recording instant, in a stable order. */
async function ledgerOf(models: AssessmentModels) {
  const entries = await models.scoreEntries.find({}, { recordedAt: 0 }).sort({ _id: 1 }).lean();
  return entries;
}

const NOW = new Date('2026-06-01T00:00:00Z');

/**
 * Fourteen citations of one division's entries in May (the rule gives +1, capped at 10 a month),
 * two matters, and a citation in June — delivered newest first, so the batch must sort them to use
 * the cap up in event-time order.
 */
function deliveredOutOfOrder(): EventEnvelope[] {
  const events: EventEnvelope[] = [
    ...Array.from({ length: 14 }, (_, i) =>
      entryCited({
        sourceDivisionId: 'div-research',
        citingDivisionId: 'div-legal',
        at: `2026-05-${String(10 + i).padStart(2, '0')}T02:00:00Z`,
        id: `cite-${String(i).padStart(2, '0')}`,
      }),
    ),
    entryCited({
      sourceDivisionId: 'div-research',
      citingDivisionId: 'div-legal',
      at: '2026-06-02T02:00:00Z',
      id: 'cite-june',
    }),
    matterCompleted({
      leadDivisionId: 'div-legal',
      onTime: true,
      at: '2026-05-03T02:00:00Z',
      id: 'm1',
    }),
    matterCompleted({
      leadDivisionId: 'div-legal',
      onTime: false,
      at: '2026-05-04T02:00:00Z',
      id: 'm2',
    }),
  ];
  return events.reverse();
}

describe('recording a batch of scoring events', () => {
  it('writes the same ledger as recording its events one by one in event-time order', async () => {
    const batched = await freshLedger();
    const outcomes = await batched.conn.transaction((session) =>
      recordScoringEvents(batched.models, session, deliveredOutOfOrder(), NOW),
    );
    expect(outcomes).toEqual(deliveredOutOfOrder().map(() => 'scored'));

    const oneByOne = await freshLedger();
    const inTimeOrder = [...deliveredOutOfOrder()].sort(
      (a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.id < b.id ? -1 : 1),
    );
    for (const event of inTimeOrder) {
      await oneByOne.conn.transaction((session) =>
        recordScoringEvent(oneByOne.models, session, event, NOW),
      );
    }

    const ledger = await ledgerOf(batched.models);
    expect(ledger).toEqual(await ledgerOf(oneByOne.models));
    const mayCitations = ledger.filter(
      (entry) => entry.rule.id === 'catalog-entry-cited' && entry.month === 5,
    );
    expect(mayCitations.reduce((sum, entry) => sum + entry.points, 0)).toBe(10);
    expect(mayCitations.filter((entry) => entry.points === 0).map((e) => e.source.eventId)).toEqual(
      ['cite-10', 'cite-11', 'cite-12', 'cite-13'],
    );
  });

  it('counts earlier entries against caps and leaves events already stored alone', async () => {
    const { conn, models } = await freshLedger();
    const citation = (n: number) =>
      deliveredOutOfOrder().find((e) => e.id === `cite-${String(n).padStart(2, '0')}`)!;
    const earlier = [0, 1, 2, 3, 4, 5, 6, 7].map(citation);
    await conn.transaction((session) => recordScoringEvents(models, session, earlier, NOW));

    // Three stored before, six new (only 2 points left under May's cap), one delivered twice.
    const batch = [5, 6, 7, 8, 9, 10, 11, 12, 13, 8].map(citation);
    const outcomes = await conn.transaction((session) =>
      recordScoringEvents(models, session, batch, NOW),
    );

    expect(outcomes).toEqual([
      ...Array(3).fill('already-recorded'),
      ...Array(6).fill('scored'),
      'already-recorded',
    ]);
    const citations = await models.scoreEntries.find({ 'rule.id': 'catalog-entry-cited' }).lean();
    expect(citations).toHaveLength(14);
    expect(citations.reduce((sum, entry) => sum + entry.points, 0)).toBe(10);
    expect(await models.scoringEvents.countDocuments()).toBe(14);
  });
});
