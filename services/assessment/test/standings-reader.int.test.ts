import {
  countingCommands,
  startTestMongo,
  uniqueDbName,
  withCommandMonitoring,
  type TestMongo,
} from '@heli/testkit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingsOf } from '../src/ledger/division-standings.js';
import { recordScoringEvents } from '../src/ledger/record-scoring-event.js';
import { assessmentModels, type AssessmentModels } from '../src/models.js';
import { matterCompleted } from './event-builders.js';

let mongo: TestMongo;
let conn: Connection;
let models: AssessmentModels;

const NOW = new Date('2026-07-01T00:00:00Z');

beforeAll(async () => {
  mongo = await startTestMongo();
  conn = await mongoose
    .createConnection(withCommandMonitoring(mongo.uri), {
      dbName: uniqueDbName('assessment-standings-reader'),
    })
    .asPromise();
  models = assessmentModels(conn);
  await Promise.all(Object.values(models).map((model) => model.init()));
});
afterAll(async () => {
  await conn?.close();
  await mongo?.stop();
});

const completed = (leadDivisionId: string, id: string) =>
  matterCompleted({ leadDivisionId, onTime: true, at: '2026-03-02T01:00:00.000Z', id });

const score = (period: string, divisionId: string) => ({ period, divisionId });

describe('reading standings for the requests in flight', () => {
  it('is one find for the scores several requests ask for in the same turn', async () => {
    await conn.transaction((session) =>
      recordScoringEvents(
        models,
        session,
        [completed('div-research', 'r1'), completed('div-legal', 'l1')],
        NOW,
      ),
    );

    // Three requests' loaders, each with its own keys (one repeated across requests).
    const { result, commands } = await countingCommands(
      conn,
      () =>
        Promise.all([
          standingsOf(models, [score('2026', 'div-research'), score('2026-Q1', 'div-legal')]),
          standingsOf(models, [score('2026', 'div-research')]),
          standingsOf(models, [score('2026-03', 'div-legal'), score('2026', 'div-nobody')]),
        ]),
      { collections: ['division_standings'] },
    );

    expect(commands).toEqual(['find division_standings']);
    expect(result.map((totals) => totals.map((t) => [t.divisionId, t.total]))).toEqual([
      [
        ['div-research', 3],
        ['div-legal', 3],
      ],
      [['div-research', 3]],
      [
        ['div-legal', 3],
        ['div-nobody', 0],
      ],
    ]);
  });

  it('keeps nothing: a score read after a write sees the write', async () => {
    const [before] = await standingsOf(models, [score('2026', 'div-meetings')]);
    await conn.transaction((session) =>
      recordScoringEvents(models, session, [completed('div-meetings', 'm1')], NOW),
    );
    const [after] = await standingsOf(models, [score('2026', 'div-meetings')]);
    await conn.transaction((session) =>
      recordScoringEvents(models, session, [completed('div-meetings', 'm2')], NOW),
    );
    const [again] = await standingsOf(models, [score('2026', 'div-meetings')]);

    expect([before!.total, after!.total, again!.total]).toEqual([0, 3, 6]);
  });
});
