import { waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startAssessment, startTestMongo, type Assessment } from './assessment-harness.js';
import { divisionCreated, matterCompleted } from './event-builders.js';

let mongo: TestMongo;
let assessment: Assessment;

const general1Matter = matterCompleted({
  leadDivisionId: 'div-general-1',
  onTime: true,
  at: '2026-03-02T09:00:00+08:00',
});
const supervisionMatter = matterCompleted({
  leadDivisionId: 'div-supervision',
  onTime: true,
  at: '2026-03-03T09:00:00+08:00',
});
const general1Entry = `${general1Matter.id}~matter-completed-on-time~div-general-1`;
const supervisionEntry = `${supervisionMatter.id}~matter-completed-on-time~div-supervision`;

const CORRECT = `mutation Correct($input: CorrectScoreEntryInput!) {
  correctScoreEntry(input: $input) { kind points correctsEntryId } }`;
const LEADERBOARD = `query { leaderboard(period: "2026") { rank points division { id } } }`;
const RULES = `query Rules($year: Int!) { scoringRules(year: $year) { version
  grading { excellent good pass }
  rules { id description eventType condition points target category cap { points period } } } }`;
const HISTORY = `query History($year: Int!) { scoringRuleHistory(year: $year) { version } }`;
const PREVIEW = `query Preview($input: ScoringRuleSetInput!) { previewScoringRules(input: $input) { applied } }`;

type GraphQLErrorBody = { errors?: Array<{ message: string; extensions?: { code?: unknown } }> };
const errorOf = (body: GraphQLErrorBody) =>
  body.errors?.[0] && { code: body.errors[0].extensions?.code, message: body.errors[0].message };

beforeAll(async () => {
  mongo = await startTestMongo();
  assessment = await startAssessment(mongo);
  await assessment.publish(divisionCreated({ divisionId: 'div-general-1', name: '综合一处' }));
  await assessment.publish(divisionCreated({ divisionId: 'div-supervision', name: '督查室' }));
  await assessment.publish(general1Matter);
  await assessment.publish(supervisionMatter);
  await waitFor(async () => (await assessment.models.scoreEntries.countDocuments()) === 2);
});

afterAll(async () => {
  await assessment?.close();
  await mongo?.stop();
});

describe('correctScoreEntry', () => {
  it('refuses points out of range or with more than two decimals, writing nothing', async () => {
    for (const [points, message] of [
      [1e308, '更正后的分值超出范围：绝对值不能超过 1000'],
      [-1e9, '更正后的分值超出范围：绝对值不能超过 1000'],
      [0.125, '更正后的分值最多两位小数'],
    ] as const) {
      const { body } = await assessment.as(PEOPLE.assessor, CORRECT, {
        input: { entryId: general1Entry, points, reason: '复核' },
      });
      expect(errorOf(body)).toEqual({ code: 'BAD_USER_INPUT', message });
    }
    const long = await assessment.as(PEOPLE.assessor, CORRECT, {
      input: { entryId: general1Entry, points: 2, reason: '理'.repeat(5001) },
    });
    expect(errorOf(long.body)?.message).toBe('更正理由不能超过 5000 个字');
    expect(await assessment.models.scoreEntries.countDocuments()).toBe(2);

    const leaderboard = await assessment.as<{
      leaderboard: Array<{ points: number; division: { id: string } }>;
    }>(PEOPLE.analyst, LEADERBOARD);
    expect(leaderboard.body.errors).toBeUndefined();
    expect(leaderboard.body.data!.leaderboard.map((row) => row.points)).toEqual([3, 3]);
  });

  it('writes a correction within range', async () => {
    const { body } = await assessment.as<{ correctScoreEntry: unknown }>(PEOPLE.assessor, CORRECT, {
      input: { entryId: general1Entry, points: 2.5, reason: '办结材料补正后复核' },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.correctScoreEntry).toEqual({
      kind: 'CORRECTION',
      points: -0.5,
      correctsEntryId: general1Entry,
    });
  });

  it('keeps an assessor from correcting their own division’s score', async () => {
    const { body } = await assessment.as(PEOPLE.assessor, CORRECT, {
      input: { entryId: supervisionEntry, points: 30, reason: '自评' },
    });
    expect(errorOf(body)?.code).toBe('FORBIDDEN');
    expect(await assessment.models.scoreEntries.countDocuments({ kind: 'CORRECTION' })).toBe(1);
  });

  it('never stores a non-finite score, whatever path writes it', async () => {
    const entry = await assessment.models.scoreEntries.findById(general1Entry).lean();
    await expect(
      assessment.models.scoreEntries.create([{ ...entry!, _id: 'poison', points: Infinity }]),
    ).rejects.toThrow(/finite/);
    expect(await assessment.models.scoreEntries.exists({ _id: 'poison' })).toBeNull();
  });
});

describe('scoring rules and their years', () => {
  it('refuses an absurd year instead of making up a version 1', async () => {
    const rules = await assessment.as(PEOPLE.analyst, RULES, { year: -5 });
    expect(errorOf(rules.body)).toEqual({
      code: 'BAD_USER_INPUT',
      message: '考核年度“-5”无效：应在 2000 到 2100 年之间',
    });
    const history = await assessment.as(PEOPLE.analyst, HISTORY, { year: 99999 });
    expect(errorOf(history.body)?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses previews with huge points, negative thresholds or an absurd year', async () => {
    const { body } = await assessment.as<{
      scoringRules: {
        version: number;
        grading: Record<string, number>;
        rules: Array<
          { id: string; condition: string | null; points: number } & Record<string, unknown>
        >;
      };
    }>(PEOPLE.assessor, RULES, { year: 2026 });
    const set = body.data!.scoringRules;
    const input = {
      year: 2026,
      basedOnVersion: set.version,
      grading: set.grading,
      reason: '试算',
      rules: set.rules,
    };
    const preview = (changed: Record<string, unknown>) =>
      assessment.as(PEOPLE.assessor, PREVIEW, { input: { ...input, ...changed } });

    const huge = await preview({
      rules: set.rules.map((rule, i) => (i === 0 ? { ...rule, points: 1e308 } : rule)),
    });
    expect(errorOf(huge.body)).toEqual({
      code: 'BAD_USER_INPUT',
      message: `规则“${set.rules[0]!.id}”的分值超出范围：绝对值不能超过 1000`,
    });
    const negative = await preview({ grading: { excellent: 10, good: 0, pass: -5 } });
    expect(errorOf(negative.body)?.message).toBe('等次分数线不能为负数');
    const year = await preview({ year: 99999 });
    expect(errorOf(year.body)?.message).toBe('考核年度“99999”无效：应在 2000 到 2100 年之间');

    // Nested 5,000 levels deep: once a stack overflow answered INTERNAL_SERVER_ERROR.
    const deep = `${'{"not":'.repeat(5000)}{"field":"onTime","equals":true}${'}'.repeat(5000)}`;
    const nested = await preview({
      rules: set.rules.map((rule, i) => (i === 0 ? { ...rule, condition: deep } : rule)),
    });
    expect(errorOf(nested.body)).toEqual({
      code: 'BAD_USER_INPUT',
      message: `规则“${set.rules[0]!.id}”的条件不能超过 10000 个字符`,
    });
    const deepButShort = `${'{"not":'.repeat(11)}{"field":"onTime","equals":true}${'}'.repeat(11)}`;
    const tooDeep = await preview({
      rules: set.rules.map((rule, i) => (i === 0 ? { ...rule, condition: deepButShort } : rule)),
    });
    expect(errorOf(tooDeep.body)).toEqual({
      code: 'BAD_USER_INPUT',
      message: `规则“${set.rules[0]!.id}”的条件嵌套不能超过 10 层`,
    });
  });
});
