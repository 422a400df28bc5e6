import { waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/common/seeded-random.js';
import { PEOPLE, startAssessment, startTestMongo, type Assessment } from './assessment-harness.js';
import { entryCited, matterCompleted, readingAcknowledged } from './event-builders.js';

let mongo: TestMongo;
let assessment: Assessment;

const RULE_FIELDS =
  'id version description eventType condition points target category cap { points period }';
const RULES = `query Rules($year: Int!) { scoringRules(year: $year) { version grading { excellent good pass } rules { ${RULE_FIELDS} } } }`;
const RESULT = `ruleSet { version rules { id version points } } applied eventsReplayed adjustments divisions { division { id } before after change }`;
const PREVIEW = `query Preview($input: ScoringRuleSetInput!) { previewScoringRules(input: $input) { ${RESULT} } }`;
const APPLY = `mutation Apply($input: ScoringRuleSetInput!) { applyScoringRules(input: $input) { ${RESULT} } }`;
const LEADERBOARD = `query { leaderboard(period: "2026") { rank points division { id } } }`;

type Rule = {
  id: string;
  version: number;
  points: number;
  cap: { points: number; period: string } | null;
} & Record<string, unknown>;
type Recompute = {
  ruleSet: { version: number; rules: Array<{ id: string; version: number; points: number }> };
  applied: boolean;
  eventsReplayed: number;
  adjustments: number;
  divisions: Array<{ division: { id: string }; before: number; after: number; change: number }>;
};

beforeAll(async () => {
  mongo = await startTestMongo();
  assessment = await startAssessment(mongo);
  const random = seededRandom('recompute-test');
  const divisions = ['div-general-1', 'div-general-2', 'div-research', 'div-legal'];
  const events = Array.from({ length: 120 }, (_, i) => {
    const division = divisions[i % divisions.length]!;
    const at = new Date(
      Date.UTC(2026, 0, 5) + Math.floor(random() * 300) * 86_400_000,
    ).toISOString();
    if (i % 3 === 0)
      return matterCompleted({ leadDivisionId: division, onTime: random() < 0.6, at });
    if (i % 3 === 1) return readingAcknowledged({ divisionId: division, onTime: true, at });
    return entryCited({ sourceDivisionId: division, citingDivisionId: 'div-documents', at });
  });
  const stored = (count: number) =>
    waitFor(async () => (await assessment.models.scoringEvents.countDocuments()) === count, {
      timeoutMs: 30_000,
    });
  // Delivered out of time order: recompute must still use caps up in event-time order.
  for (const event of events.reverse()) await assessment.publish(event);
  await stored(events.length);
  // More on-time readings in one month than the monthly cap pays for, latest first and each
  // scored before the next is sent — one per batch, so live scoring really spends the cap on the
  // last-delivered ones (a batch would be put in time order by the consumer itself).
  for (let day = 14; day >= 1; day -= 1) {
    const at = `2026-06-${String(day).padStart(2, '0')}T10:00:00+08:00`;
    events.push(readingAcknowledged({ divisionId: 'div-confidential', onTime: true, at }));
    await assessment.publish(events[events.length - 1]!);
    await stored(events.length);
  }
});

afterAll(async () => {
  await assessment?.close();
  await mongo?.stop();
});

async function currentRules() {
  const { body } = await assessment.as<{
    scoringRules: { version: number; grading: Record<string, number>; rules: Rule[] };
  }>(PEOPLE.assessor, RULES, { year: 2026 });
  expect(body.errors).toBeUndefined();
  return body.data!.scoringRules;
}

function asInput(
  set: Awaited<ReturnType<typeof currentRules>>,
  change: (rule: Rule) => Rule | null,
  reason: string,
) {
  return {
    year: 2026,
    basedOnVersion: set.version,
    grading: set.grading,
    reason,
    rules: set.rules.flatMap((rule) => {
      const changed = change(rule);
      if (!changed) return [];
      const { version: _version, ...input } = changed;
      return [input];
    }),
  };
}

async function leaderboard() {
  const { body } = await assessment.as<{
    leaderboard: Array<{ points: number; division: { id: string } }>;
  }>(PEOPLE.analyst, LEADERBOARD);
  return Object.fromEntries(body.data!.leaderboard.map((row) => [row.division.id, row.points]));
}

describe('recompute after a rule change', () => {
  it('first brings live scores delivered out of order to the event-time result, then changes nothing', async () => {
    const set = await currentRules();
    const totals = await leaderboard();
    const reconcile = asInput(set, (rule) => rule, '按事件时间顺序核对');
    const { body } = await assessment.as<{ applyScoringRules: Recompute }>(PEOPLE.assessor, APPLY, {
      input: reconcile,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.applyScoringRules.ruleSet.version).toBe(1);
    // The capped month's points move from the last-delivered readings to the earliest ones.
    expect(body.data!.applyScoringRules.adjustments).toBeGreaterThan(0);
    expect(await leaderboard()).toEqual(totals);
    const june = await assessment.models.scoreEntries.aggregate<{ _id: string; points: number }>([
      {
        $match: {
          divisionId: 'div-confidential',
          month: 6,
          'rule.id': 'reading-acknowledged-on-time',
        },
      },
      { $group: { _id: '$source.eventTime', points: { $sum: '$points' } } },
      { $sort: { _id: 1 } },
    ]);
    expect(june.map((day) => day.points)).toEqual([
      0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0,
    ]);
    const again = await assessment.as<{ applyScoringRules: Recompute }>(PEOPLE.assessor, APPLY, {
      input: reconcile,
    });
    expect(again.body.data!.applyScoringRules.adjustments).toBe(0);
  });

  it('previews the same result every time, applies exactly what it previewed, and leaves earlier entries untouched', async () => {
    const set = await currentRules();
    const input = asInput(
      set,
      (rule) =>
        rule.id === 'matter-completed-on-time'
          ? { ...rule, points: 4 }
          : rule.id === 'catalog-entry-cited'
            ? { ...rule, cap: { points: 2, period: 'MONTH' } }
            : rule.id === 'matter-completed-late'
              ? null
              : rule,
      '加大按时办结权重，引用得分每月不超过2分',
    );
    const before = await leaderboard();
    const entriesBefore = await assessment.models.scoreEntries.find().sort({ _id: 1 }).lean();

    const preview = await assessment.as<{ previewScoringRules: Recompute }>(
      PEOPLE.assessor,
      PREVIEW,
      { input },
    );
    const previewAgain = await assessment.as<{ previewScoringRules: Recompute }>(
      PEOPLE.assessor,
      PREVIEW,
      { input },
    );
    expect(preview.body.errors).toBeUndefined();
    expect(previewAgain.body).toEqual(preview.body);
    const planned = preview.body.data!.previewScoringRules;
    expect(planned.applied).toBe(false);
    expect(planned.eventsReplayed).toBe(134);
    expect(planned.adjustments).toBeGreaterThan(0);
    expect(await leaderboard()).toEqual(before);

    const applied = await assessment.as<{ applyScoringRules: Recompute }>(PEOPLE.assessor, APPLY, {
      input,
    });
    expect(applied.body.errors).toBeUndefined();
    expect({ ...applied.body.data!.applyScoringRules, applied: false }).toEqual(planned);

    const after = await leaderboard();
    for (const { division, before: was, after: becomes } of planned.divisions) {
      expect(before[division.id] ?? 0).toBe(was);
      expect(after[division.id]).toBe(becomes);
    }
    expect(
      planned.ruleSet.rules.find((rule) => rule.id === 'matter-completed-on-time'),
    ).toMatchObject({ version: 2, points: 4 });

    // Append-only: every earlier entry is still there, unchanged.
    const stillThere = await assessment.models.scoreEntries
      .find({ _id: { $in: entriesBefore.map((entry) => entry._id) } })
      .sort({ _id: 1 })
      .lean();
    expect(stillThere).toEqual(entriesBefore);
  });

  it('refuses a change based on a version that is no longer the latest', async () => {
    const set = await currentRules();
    const stale = asInput({ ...set, version: set.version - 1 }, (rule) => rule, '过时的修改');
    const { body } = await assessment.as(PEOPLE.assessor, APPLY, { input: stale });
    expect(body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses rules that are not data it understands, naming each problem', async () => {
    const set = await currentRules();
    const input = asInput(
      set,
      (rule) =>
        rule.id === 'matter-overdue'
          ? { ...rule, condition: 'event.data.onTime == false', target: 'nobody' }
          : rule,
      '错误的条件',
    );
    const { body } = await assessment.as(PEOPLE.assessor, PREVIEW, { input });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('matter-overdue');
  });

  it('lets only assessors and office leadership change the rules', async () => {
    const set = await currentRules();
    const { body } = await assessment.as(PEOPLE.analyst, APPLY, {
      input: asInput(set, (rule) => rule, '无权'),
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
