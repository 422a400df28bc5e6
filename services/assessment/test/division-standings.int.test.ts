import { startTestMongo, uniqueDbName, type TestMongo } from '@heli/testkit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKnownDivision } from '../src/divisions/record-known-division.js';
import { rankTotals } from '../src/evaluations/evaluations.rules.js';
import { correctScoreEntry } from '../src/ledger/corrections.js';
import { buildMissingStandings, rankingOf, standingsOf } from '../src/ledger/division-standings.js';
import { recordScoringEvents } from '../src/ledger/record-scoring-event.js';
import { periodTotals } from '../src/ledger/score-totals.js';
import { assessmentModels, type AssessmentModels } from '../src/models.js';
import { parsePeriod } from '../src/periods/period.js';
import { entryCited, matterCompleted, matterOverdue } from './event-builders.js';

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
    .createConnection(mongo.uri, { dbName: uniqueDbName('assessment-standings') })
    .asPromise();
  connections.push(conn);
  const models = assessmentModels(conn);
  await Promise.all(Object.values(models).map((model) => model.init()));
  return { conn, models };
}

const NOW = new Date('2026-07-01T00:00:00Z');
const PERIODS = ['2026', '2026-Q2', '2026-05', '2026-06', '2026-Q3', '2026-07'];
const DIVISIONS = ['div-research', 'div-legal', 'div-meetings'];

const events = () => [
  ...Array.from({ length: 12 }, (_, i) =>
    entryCited({
      sourceDivisionId: 'div-research',
      citingDivisionId: 'div-legal',
      at: `2026-05-${String(10 + i).padStart(2, '0')}T02:00:00Z`,
      id: `cite-${i}`,
    }),
  ),
  matterCompleted({
    leadDivisionId: 'div-legal',
    onTime: true,
    at: '2026-06-03T02:00:00Z',
    id: 'm1',
  }),
  matterOverdue({ leadDivisionId: 'div-meetings', at: '2026-05-04T02:00:00Z', id: 'm2' }),
];

/**
 * What the ledger itself says, aggregated as the service did per request before the projection:
 * totals per period and the competition ranks over every announced or scored division.
 */
async function fromLedger(models: AssessmentModels, period: string) {
  const totals = await periodTotals(models, parsePeriod(period));
  const known = await models.knownDivisions.find({}, { _id: 1 }).lean();
  const all = new Map<string, number>(known.map(({ _id }) => [_id, 0]));
  for (const { divisionId, total } of totals.values()) all.set(divisionId, total);
  return { totals, ranking: rankTotals(all) };
}

async function expectStandingsToMatchLedger(models: AssessmentModels) {
  for (const period of PERIODS) {
    const { totals, ranking } = await fromLedger(models, period);
    const standings = await standingsOf(
      models,
      DIVISIONS.map((divisionId) => ({ period, divisionId })),
    );
    for (const standing of standings) {
      const expected = totals.get(standing.divisionId);
      expect(standing.total, `${period} ${standing.divisionId}`).toBe(expected?.total ?? 0);
      if (expected) expect(standing.byCategory).toEqual(expected.byCategory);
    }
    const projected = await rankingOf(models, period);
    expect(projected, period).toEqual(ranking);
  }
}

describe('the division standings projection', () => {
  it('holds what the ledger sums to, per period, and the ranks over every division', async () => {
    const { conn, models } = await freshLedger();
    await conn.transaction((session) =>
      recordKnownDivision(models, session, {
        divisionId: 'div-meetings',
        officeId: 'o',
        name: '会务处',
      }),
    );
    await conn.transaction((session) => recordScoringEvents(models, session, events(), NOW));

    await expectStandingsToMatchLedger(models);
    const [research] = await standingsOf(models, [
      { period: '2026-05', divisionId: 'div-research' },
    ]);
    expect(research!.total).toBe(10); // twelve citations, capped at 10 a month
  });

  it('adds nothing when the same events are delivered again', async () => {
    const { conn, models } = await freshLedger();
    await conn.transaction((session) => recordScoringEvents(models, session, events(), NOW));
    const before = await models.divisionStandings.find().sort({ _id: 1 }).lean();

    await conn.transaction((session) => recordScoringEvents(models, session, events(), NOW));
    await conn.transaction((session) =>
      recordScoringEvents(models, session, events().slice(0, 3), NOW),
    );

    expect(await models.divisionStandings.find().sort({ _id: 1 }).lean()).toEqual(before);
  });

  it('moves with a correction, and ranks a division announced later with 0', async () => {
    const { conn, models } = await freshLedger();
    await conn.transaction((session) => recordScoringEvents(models, session, events(), NOW));
    const entry = await models.scoreEntries.findOne({ 'source.eventId': 'm1' }).lean();
    await correctScoreEntry(
      models,
      { entryId: entry!._id, points: 7, reason: '复核后改为 7 分' },
      { sub: 'assessor-1', divisionId: 'div-assessment' },
    );
    await conn.transaction((session) =>
      recordKnownDivision(models, session, { divisionId: 'div-new', officeId: 'o', name: '新处' }),
    );

    await expectStandingsToMatchLedger(models);
    const ranking = await rankingOf(models, '2026');
    expect(ranking.find((row) => row.divisionId === 'div-new')).toEqual({
      divisionId: 'div-new',
      total: 0,
      rank: 3, // behind div-research and div-legal, ahead of div-meetings (overdue, −2)
    });
  });

  it('is built from the ledger for a database written before it existed', async () => {
    const { conn, models } = await freshLedger();
    await conn.transaction((session) => recordScoringEvents(models, session, events(), NOW));
    const projected = await models.divisionStandings.find().sort({ _id: 1 }).lean();
    await models.divisionStandings.deleteMany({});

    expect(await buildMissingStandings(models)).toBe(true);
    expect(await models.divisionStandings.find().sort({ _id: 1 }).lean()).toEqual(projected);
    expect(await buildMissingStandings(models)).toBe(false);
  });
});
