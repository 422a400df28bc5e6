import type { TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHistory } from '../src/demo/demo-history.js';
import { loadDemoHistory } from '../src/demo/load-demo-history.js';
import { PEOPLE, startAssessment, startTestMongo, type Assessment } from './assessment-harness.js';

let mongo: TestMongo;
let assessment: Assessment;

beforeAll(async () => {
  mongo = await startTestMongo();
  assessment = await startAssessment(mongo, { loadDemoData: true });
}, 120_000);

afterAll(async () => {
  await assessment?.close();
  await mongo?.stop();
});

const LEADERBOARD = `query {
  leaderboard(period: "2026") {
    rank points division { id evaluation(period: "2026") { grade } }
  }
}`;

type Row = {
  rank: number;
  points: number;
  division: { id: string; evaluation: { grade: string } };
};

describe('demo history', () => {
  it('scores a year of events into a leaderboard of every demo division with a spread of grades', async () => {
    const { body } = await assessment.as<{ leaderboard: Row[] }>(PEOPLE.director, LEADERBOARD);
    expect(body.errors).toBeUndefined();
    const rows = body.data!.leaderboard;
    expect(rows).toHaveLength(10);
    expect(await assessment.models.scoringEvents.countDocuments()).toBe(demoHistory().length);
    const points = rows.map((row) => row.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    // Believable: the best and the worst division are clearly apart.
    expect(points[0]! - points.at(-1)!).toBeGreaterThan(20);
    expect(new Set(rows.map((row) => row.division.evaluation.grade))).toEqual(
      new Set(['EXCELLENT', 'GOOD', 'PASS', 'FAIL']),
    );
  });

  it('changes nothing when loaded again', async () => {
    const entries = await assessment.models.scoreEntries.countDocuments();
    const again = await loadDemoHistory(assessment.runtime.runtime);
    expect(again.scored).toBe(0);
    expect(await assessment.models.scoreEntries.countDocuments()).toBe(entries);
  });
});
