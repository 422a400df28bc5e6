import { demoDivisions } from '@heli/demo-data';
import {
  countingCommands,
  startTestMongo,
  withCommandMonitoring,
  type TestMongo,
} from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AchievementRecord } from '../src/achievements/achievement.model.js';
import {
  PEOPLE,
  REGISTER,
  registration,
  startAchievement,
  type Achievement,
} from './achievement-harness.js';

let mongo: TestMongo;
let service: Achievement;

beforeAll(async () => {
  mongo = await startTestMongo();
  service = await startAchievement({ ...mongo, uri: withCommandMonitoring(mongo.uri) });
  const { registerAchievement } = await service.ok<{ registerAchievement: { id: string } }>(
    PEOPLE.research1,
    REGISTER,
    { input: registration() },
  );
  const template = await service.models.achievements
    .findById(registerAchievement.id)
    .lean<AchievementRecord>();
  // Division d takes part in 1 + d % 4 achievements, some with a second division.
  const copies = demoDivisions.flatMap((division, d) =>
    Array.from({ length: 1 + (d % 4) }, (_, i) => ({
      ...template!,
      _id: `achievement-nested-${d}-${i}`,
      divisionIds: [division.id],
      createdAt: new Date(Date.UTC(2026, 2, 1 + d, i)),
    })),
  );
  await service.models.achievements.insertMany(copies);
  await service.models.achievements.deleteMany({ _id: template!._id });
});

afterAll(async () => {
  await service?.close();
  await mongo?.stop();
});

type Page = { totalCount: number; edges: { node: { id: string } }[] };

async function achievementsOf(divisionIds: readonly string[]) {
  return countingCommands(
    service.conn,
    async () => {
      const data = await service.ok<{ _entities: { achievements: Page }[] }>(
        PEOPLE.director,
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Division { achievements(first: 2) { totalCount edges { node { id } } } } } }`,
        { r: divisionIds.map((id) => ({ __typename: 'Division', id })) },
      );
      return data._entities.map((division) => division.achievements);
    },
    { collections: ['achievements'] },
  );
}

describe("each division's achievements, for many divisions", () => {
  it('are one aggregation for 2 divisions or 10, and the same pages as the top-level list', async () => {
    const ids = demoDivisions.map((division) => division.id);
    const few = await achievementsOf(ids.slice(0, 2));
    const all = await achievementsOf(ids);
    expect(all.commands).toEqual(few.commands);
    expect(all.commands).toEqual(['aggregate achievements']);
    for (const [d, id] of ids.entries()) {
      const alone = await service.ok<{ achievements: Page }>(
        PEOPLE.director,
        `query($id: ID!) { achievements(divisionId: $id, first: 2) { totalCount edges { node { id } } } }`,
        { id },
      );
      expect(all.result[d]).toEqual(alone.achievements);
      expect(all.result[d]!.totalCount).toBe(1 + (d % 4));
    }
  });
});
