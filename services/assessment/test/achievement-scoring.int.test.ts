import { achievementEvents, createEnvelope } from '@heli/event-contracts';
import { waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startAssessment, startTestMongo, type Assessment } from './assessment-harness.js';

let mongo: TestMongo;
let assessment: Assessment;

beforeAll(async () => {
  mongo = await startTestMongo();
  assessment = await startAssessment(mongo);
});
afterAll(async () => {
  await assessment?.close();
  await mongo?.stop();
});

const use = (useId: string, kind: 'REFERENCED' | 'APPLIED' | 'TRANSFORMED') => ({
  useId,
  achievementId: 'achievement-1',
  kind,
  providerDivisionId: 'div-research',
  userDivisionId: 'div-legal',
  claimedByStaffId: 'staff-legal-1',
  claimedAt: '2026-05-04T01:00:00.000Z',
});
const confirmed = (useId: string, kind: 'REFERENCED' | 'APPLIED' | 'TRANSFORMED') =>
  createEnvelope(
    achievementEvents.useConfirmed,
    {
      ...use(useId, kind),
      confirmedByStaffId: 'staff-research-head',
      confirmedAt: '2026-05-05T01:00:00.000Z',
    },
    { source: 'achievement', subject: useId, time: new Date('2026-05-05T01:00:00.000Z') },
  );
const disputed = (useId: string) =>
  createEnvelope(
    achievementEvents.useDisputed,
    {
      ...use(useId, 'TRANSFORMED'),
      disputedByStaffId: 'staff-research-head',
      reason: '未实际转化',
      disputedAt: '2026-05-05T02:00:00.000Z',
    },
    { source: 'achievement', subject: useId, time: new Date('2026-05-05T02:00:00.000Z') },
  );

const USE_SCORES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on AchievementUse { id scoreEntries { division { id } points rule { id } sourceEvent { id } } } } }`;

describe('scoring the reuse of achievements', () => {
  it('scores a confirmed use once under redelivery, by kind, and a disputed use not at all', async () => {
    const transformed = confirmed('use-t', 'TRANSFORMED');
    const referenced = confirmed('use-r', 'REFERENCED');
    const refused = disputed('use-d');
    await assessment.publish(transformed);
    await assessment.publish(transformed, `${transformed.id}-redelivered`);
    await assessment.publish(refused);
    await assessment.publish(referenced);
    await waitFor(
      async () =>
        (await assessment.models.scoreEntries.countDocuments({
          'source.eventId': referenced.id,
        })) === 2,
      { timeoutMs: 30_000, description: 'the referenced use scored' },
    );

    const res = await assessment.as<{
      _entities: {
        id: string;
        scoreEntries: { division: { id: string }; points: number; rule: { id: string } }[];
      }[];
    }>(PEOPLE.director, USE_SCORES, {
      r: ['use-t', 'use-r', 'use-d'].map((id) => ({ __typename: 'AchievementUse', id })),
    });
    const [t, r, d] = res.body.data!._entities;
    expect(t!.scoreEntries.map((e) => [e.rule.id, e.division.id, e.points])).toEqual(
      expect.arrayContaining([
        ['achievement-transformed', 'div-research', 4],
        ['achievement-use-made', 'div-legal', 0.5],
      ]),
    );
    expect(t!.scoreEntries).toHaveLength(2);
    expect(r!.scoreEntries.map((e) => [e.rule.id, e.points])).toEqual(
      expect.arrayContaining([['achievement-referenced', 1]]),
    );
    expect(d!.scoreEntries).toEqual([]);
    expect(
      await assessment.models.scoreEntries.countDocuments({ 'source.eventId': refused.id }),
    ).toBe(0);
  });

  it('shows a division only its own entries of a use', async () => {
    const res = await assessment.as<{
      _entities: { scoreEntries: { division: { id: string } }[] }[];
    }>('staff-legal-head', USE_SCORES, { r: [{ __typename: 'AchievementUse', id: 'use-t' }] });
    expect(res.body.data!._entities[0]!.scoreEntries.map((e) => e.division.id)).toEqual([
      'div-legal',
    ]);
  });
});
