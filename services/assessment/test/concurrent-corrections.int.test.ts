import { waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startAssessment, startTestMongo, type Assessment } from './assessment-harness.js';
import { divisionCreated, matterCompleted } from './event-builders.js';

let mongo: TestMongo;
let assessment: Assessment;

const CORRECT = `mutation Correct($input: CorrectScoreEntryInput!) {
  correctScoreEntry(input: $input) { kind points } }`;

/** Rounds of concurrent corrections; each round corrects a fresh score. */
const ROUNDS = 4;
/** Corrections of one score sent at once in a round. */
const AT_ONCE = 8;

const matters = Array.from({ length: ROUNDS }, (_, round) =>
  matterCompleted({
    leadDivisionId: 'div-general-1',
    onTime: true,
    at: `2026-03-0${round + 2}T09:00:00+08:00`,
  }),
);
const entryOf = (round: number) => `${matters[round]!.id}~matter-completed-on-time~div-general-1`;

beforeAll(async () => {
  mongo = await startTestMongo();
  assessment = await startAssessment(mongo);
  await assessment.publish(divisionCreated({ divisionId: 'div-general-1', name: '综合一处' }));
  for (const matter of matters) await assessment.publish(matter);
  await waitFor(async () => (await assessment.models.scoreEntries.countDocuments()) === ROUNDS);
});

afterAll(async () => {
  await assessment?.close();
  await mongo?.stop();
});

describe('correcting one score many times at once', () => {
  it('applies exactly one correction: the score ends at the corrected value, never at the sum', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const entryId = entryOf(round);
      const original = await assessment.models.scoreEntries.findById(entryId).lean();
      const target = original!.points + 2;

      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, () =>
          assessment.as(PEOPLE.assessor, CORRECT, {
            input: { entryId, points: target, reason: '复核后更正' },
          }),
        ),
      );

      const won = answers.filter((answer) => answer.body.errors === undefined);
      expect(won, `round ${round}`).toHaveLength(1);
      for (const lost of answers.filter((answer) => answer.body.errors !== undefined)) {
        expect(lost.body.errors?.[0]?.extensions?.code, `round ${round}`).toMatch(
          /^(BAD_USER_INPUT|CONFLICT)$/,
        );
      }
      const entries = await assessment.models.scoreEntries
        .find({ scoreKey: original!.scoreKey, divisionId: 'div-general-1' })
        .lean();
      expect(entries.filter((entry) => entry.kind === 'CORRECTION')).toHaveLength(1);
      expect(entries.reduce((sum, entry) => sum + entry.points, 0)).toBeCloseTo(target, 5);
    }
  });
});
