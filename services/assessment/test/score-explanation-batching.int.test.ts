import { demoDivisions } from '@heli/demo-data';
import { countingCommands, withCommandMonitoring } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordScoringEvents } from '../src/ledger/record-scoring-event.js';
import { PEOPLE, startAssessment, startTestMongo, type Assessment } from './assessment-harness.js';
import { matterCompleted } from './event-builders.js';
import type { TestMongo } from '@heli/testkit';

let mongo: TestMongo;
let assessment: Assessment;

beforeAll(async () => {
  mongo = await startTestMongo();
  assessment = await startAssessment({ ...mongo, uri: withCommandMonitoring(mongo.uri) });
  // Each division completes a different number of matters in March 2026.
  const events = demoDivisions.flatMap((division, d) =>
    Array.from({ length: 1 + (d % 4) }, (_, i) =>
      matterCompleted({
        leadDivisionId: division.id,
        onTime: true,
        at: `2026-03-${String(2 + i).padStart(2, '0')}T01:00:00.000Z`,
      }),
    ),
  );
  await assessment.conn.transaction((session) =>
    recordScoringEvents(assessment.models, session, events, new Date('2026-07-01T00:00:00Z')),
  );
});

afterAll(async () => {
  await assessment?.close();
  await mongo?.stop();
});

const SCORES = `query Scores($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Division { id score(period: "2026") { total explanation(first: 2) { totalCount edges { node { points } } } } }
  }
}`;

type Scores = {
  _entities: {
    id: string;
    score: { total: number; explanation: { totalCount: number; edges: unknown[] } };
  }[];
};

async function scoresOf(divisionIds: readonly string[]) {
  return countingCommands(
    assessment.conn,
    async () => {
      const { body } = await assessment.as<Scores>(PEOPLE.assessor, SCORES, {
        representations: divisionIds.map((id) => ({ __typename: 'Division', id })),
      });
      expect(body.errors).toBeUndefined();
      return body.data!._entities;
    },
    { collections: ['score_entries', 'division_standings'] },
  );
}

describe('the entries behind the scores of many divisions', () => {
  it('are one aggregation for 2 divisions or 10, each division its own page and count', async () => {
    const ids = demoDivisions.map((division) => division.id);
    const few = await scoresOf(ids.slice(0, 2));
    const all = await scoresOf(ids);
    expect(all.commands).toEqual(few.commands);
    expect(all.commands).toEqual(['aggregate score_entries', 'find division_standings']);
    all.result.forEach((division, d) => {
      expect(division.id).toBe(ids[d]);
      expect(division.score.explanation.totalCount).toBe(1 + (d % 4));
      expect(division.score.explanation.edges).toHaveLength(Math.min(2, 1 + (d % 4)));
    });
    // The same as asking for one division at a time.
    for (const id of ids.slice(0, 4)) {
      const alone = await scoresOf([id]);
      expect(alone.result[0]).toEqual(all.result.find((division) => division.id === id));
    }
  });
});
