import { assessmentEvents } from '@heli/event-contracts';
import { waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPeriod, periodContaining, periodKeysOf } from '../src/periods/period.js';
import { PEOPLE, startAssessment, startTestMongo, type Assessment } from './assessment-harness.js';
import { divisionCreated, matterCompleted, readingAcknowledged } from './event-builders.js';

let mongo: TestMongo;
let assessment: Assessment;

const INSPECTION = `id kind status period seed populationSize sample { kind id } points
  findings { id severity note item { kind id } entries { points kind rule { id } sourceEvent { type } } }`;
const START = `mutation Start($input: StartSpotCheckInput!) { startSpotCheck(input: $input) { ${INSPECTION} } }`;
const VERIFY = `query Verify($id: ID!) { verifySpotCheck(id: $id) { seed matches redrawn { kind id } } }`;
const FINDING = `mutation Finding($input: RecordFindingInput!) { recordInspectionFinding(input: $input) { ${INSPECTION} } }`;
const COMPLETE = `mutation Complete($id: ID!) { completeInspection(id: $id) { ${INSPECTION} } }`;
const SCHEDULE = `mutation Schedule($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { ${INSPECTION} } }`;

type Inspection = {
  id: string;
  kind: string;
  status: string;
  seed: string | null;
  populationSize: number;
  sample: Array<{ kind: string; id: string }>;
  points: number;
  findings: Array<{
    id: string;
    severity: string;
    entries: Array<{ points: number; kind: string; rule: { id: string } }>;
  }>;
};

beforeAll(async () => {
  mongo = await startTestMongo();
  assessment = await startAssessment(mongo);
  const divisions = [
    divisionCreated({ divisionId: 'div-general-2', name: '综合二处' }),
    divisionCreated({ divisionId: 'div-supervision', name: '督查室' }),
  ];
  for (const event of divisions) await assessment.publish(event);
  await waitFor(
    async () => (await assessment.models.knownDivisions.countDocuments()) === divisions.length,
  );
  const events = [
    ...Array.from({ length: 12 }, (_, i) =>
      matterCompleted({
        leadDivisionId: 'div-general-2',
        onTime: i % 3 !== 0,
        at: `2026-02-${String(i + 1).padStart(2, '0')}T10:00:00+08:00`,
      }),
    ),
    ...Array.from({ length: 8 }, (_, i) =>
      readingAcknowledged({
        divisionId: 'div-general-2',
        onTime: true,
        at: `2026-02-${String(i + 10).padStart(2, '0')}T10:00:00+08:00`,
      }),
    ),
  ];
  for (const event of events) await assessment.publish(event);
  await waitFor(
    async () => (await assessment.models.scoringEvents.countDocuments()) === events.length,
  );
});

afterAll(async () => {
  await assessment?.close();
  await mongo?.stop();
});

async function startSpotCheck(seed?: string) {
  const { body } = await assessment.as<{ startSpotCheck: Inspection }>(PEOPLE.assessor, START, {
    input: {
      divisionId: 'div-general-2',
      period: '2026-Q1',
      title: '一季度交办事项抽查',
      sampleSize: 4,
      itemKinds: ['MATTER'],
      ...(seed ? { seed } : {}),
    },
  });
  expect(body.errors).toBeUndefined();
  return body.data!.startSpotCheck;
}

describe('spot checks (不定期抽查)', () => {
  it('draws a sample of the division’s items that anyone can redraw from the recorded seed', async () => {
    const first = await startSpotCheck('2026-q1-general-2');
    expect(first).toMatchObject({
      kind: 'SPOT_CHECK',
      status: 'OPEN',
      seed: '2026-q1-general-2',
      populationSize: 12,
    });
    expect(first.sample).toHaveLength(4);
    expect(first.sample.every((item) => item.kind === 'MATTER')).toBe(true);

    const second = await startSpotCheck('2026-q1-general-2');
    expect(second.sample).toEqual(first.sample);

    const { body } = await assessment.as<{
      verifySpotCheck: { seed: string; matches: boolean; redrawn: unknown[] };
    }>(PEOPLE.analyst, VERIFY, { id: first.id });
    expect(body.data!.verifySpotCheck).toEqual({
      seed: '2026-q1-general-2',
      matches: true,
      redrawn: first.sample,
    });
  });

  it('names what each sampled item is: the matter itself, the document a reading was of', async () => {
    const SAMPLE = `mutation Start($input: StartSpotCheckInput!) { startSpotCheck(input: $input) {
      sample { kind id subject { __typename ... on Assignment { id } ... on Document { id } } } } }`;
    const sampled = async (itemKinds: string[]) => {
      const { body } = await assessment.as<{
        startSpotCheck: {
          sample: { kind: string; id: string; subject: { __typename: string; id: string } }[];
        };
      }>(PEOPLE.assessor, SAMPLE, {
        input: {
          divisionId: 'div-general-2',
          period: '2026-Q1',
          title: '一季度抽查',
          sampleSize: 2,
          itemKinds,
        },
      });
      expect(body.errors).toBeUndefined();
      return body.data!.startSpotCheck.sample;
    };
    for (const item of await sampled(['MATTER'])) {
      expect(item.subject).toEqual({ __typename: 'Assignment', id: item.id });
    }
    for (const item of await sampled(['READING'])) {
      expect(item.subject).toEqual({ __typename: 'Document', id: 'doc-1' });
    }
  });

  it('records a seed of its own when none is given', async () => {
    const inspection = await startSpotCheck();
    expect(inspection.seed).toMatch(/^[0-9a-f]{16}$/);
  });

  it('scores findings by the year’s rules and announces the completed inspection', async () => {
    const inspection = await startSpotCheck('findings');
    const [sampled] = inspection.sample;
    const issue = await assessment.as<{ recordInspectionFinding: Inspection }>(
      PEOPLE.assessor,
      FINDING,
      {
        input: {
          inspectionId: inspection.id,
          item: sampled,
          severity: 'MINOR_ISSUE',
          note: '办结材料归档不完整',
        },
      },
    );
    expect(issue.body.errors).toBeUndefined();
    const praised = await assessment.as<{ recordInspectionFinding: Inspection }>(
      PEOPLE.assessor,
      FINDING,
      {
        input: {
          inspectionId: inspection.id,
          item: null,
          severity: 'COMMENDABLE',
          note: '台账清晰，督办及时',
        },
      },
    );
    const withFindings = praised.body.data!.recordInspectionFinding;
    expect(
      withFindings.findings.map((finding) =>
        finding.entries.map((e) => [e.kind, e.rule.id, e.points]),
      ),
    ).toEqual([[['RULE', 'inspection-minor-issue', -1]], [['RULE', 'inspection-commendable', 2]]]);
    expect(withFindings.points).toBe(1);

    const notSampled = await assessment.as(PEOPLE.assessor, FINDING, {
      input: {
        inspectionId: inspection.id,
        item: { kind: 'MATTER', id: 'not-in-sample' },
        severity: 'MAJOR_ISSUE',
        note: '不在样本中',
      },
    });
    expect(notSampled.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const completed = await assessment.as<{ completeInspection: Inspection }>(
      PEOPLE.assessor,
      COMPLETE,
      { id: inspection.id },
    );
    expect(completed.body.data!.completeInspection.status).toBe('COMPLETED');
    const [announced] = await assessment.outboxEvents(
      assessmentEvents.inspectionCompleted.fullType,
    );
    expect(announced?.data).toMatchObject({
      inspectionId: inspection.id,
      kind: 'SPOT_CHECK',
      seed: 'findings',
      findingCount: 2,
      points: 1,
      sampledItems: inspection.sample,
    });
    const again = await assessment.as(PEOPLE.assessor, COMPLETE, { id: inspection.id });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('schedules regular inspections and keeps inspections to assessors', async () => {
    const input = {
      divisionId: 'div-general-2',
      period: '2026-Q1',
      title: '一季度定期检查',
      scheduledFor: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    };
    const { body } = await assessment.as<{ scheduleInspection: Inspection }>(
      PEOPLE.director,
      SCHEDULE,
      { input },
    );
    expect(body.data!.scheduleInspection).toMatchObject({
      kind: 'REGULAR',
      status: 'OPEN',
      seed: null,
      sample: [],
    });
    const refused = await assessment.as(PEOPLE.general1Head, SCHEDULE, { input });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('refusing inspections that would score the wrong division or nonsense', () => {
  const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const schedule = (staffId: string, input: Record<string, unknown>) =>
    assessment.as<{ scheduleInspection: Inspection }>(staffId, SCHEDULE, {
      input: {
        divisionId: 'div-general-2',
        period: '2026-Q1',
        title: '定期检查',
        scheduledFor: inAWeek(),
        ...input,
      },
    });
  const errorOf = (body: {
    errors?: Array<{ message: string; extensions?: { code?: unknown } }>;
  }) =>
    body.errors?.[0] && { code: body.errors[0].extensions?.code, message: body.errors[0].message };

  it('refuses a division responsibility never announced, writing nothing', async () => {
    const before = await assessment.models.inspections.countDocuments();
    const scheduled = await schedule(PEOPLE.assessor, { divisionId: 'div-nope' });
    expect(errorOf(scheduled.body)).toEqual({
      code: 'BAD_USER_INPUT',
      message: '找不到处室“div-nope”',
    });
    const spot = await assessment.as(PEOPLE.assessor, START, {
      input: { divisionId: 'div-nope', period: '2026-Q1', title: '抽查', sampleSize: 1 },
    });
    expect(errorOf(spot.body)?.code).toBe('BAD_USER_INPUT');
    expect(await assessment.models.inspections.countDocuments()).toBe(before);
  });

  it('records no finding on an inspection of an unknown division stored before the check', async () => {
    await assessment.models.inspections.create([
      {
        _id: 'inspection-of-nobody',
        kind: 'REGULAR',
        divisionId: 'div-nope',
        period: '2026-Q1',
        title: '旧检查',
        status: 'OPEN',
        scheduledFor: new Date(),
        createdByStaffId: PEOPLE.director,
        createdAt: new Date(),
      },
    ]);
    const { body } = await assessment.as(PEOPLE.assessor, FINDING, {
      input: { inspectionId: 'inspection-of-nobody', severity: 'COMMENDABLE', note: '好' },
    });
    expect(errorOf(body)).toEqual({ code: 'BAD_USER_INPUT', message: '找不到处室“div-nope”' });
    expect(await assessment.models.scoreEntries.countDocuments({ divisionId: 'div-nope' })).toBe(0);
  });

  it('keeps an assessor from inspecting or scoring their own division', async () => {
    const own = await schedule(PEOPLE.assessor, { divisionId: 'div-supervision' });
    expect(errorOf(own.body)?.code).toBe('FORBIDDEN');
    const spot = await assessment.as(PEOPLE.assessor, START, {
      input: { divisionId: 'div-supervision', period: '2026-Q1', title: '抽查', sampleSize: 1 },
    });
    expect(errorOf(spot.body)?.code).toBe('FORBIDDEN');

    // Leadership may inspect 督查室; its own assessor still may not record findings there.
    const byLeadership = await schedule(PEOPLE.director, { divisionId: 'div-supervision' });
    expect(byLeadership.body.errors).toBeUndefined();
    const inspectionId = byLeadership.body.data!.scheduleInspection.id;
    const finding = await assessment.as(PEOPLE.assessor, FINDING, {
      input: { inspectionId, severity: 'COMMENDABLE', note: '自评优秀' },
    });
    expect(errorOf(finding.body)?.code).toBe('FORBIDDEN');
    const complete = await assessment.as(PEOPLE.assessor, COMPLETE, { id: inspectionId });
    expect(errorOf(complete.body)?.code).toBe('FORBIDDEN');
    expect(
      await assessment.models.scoreEntries.countDocuments({ divisionId: 'div-supervision' }),
    ).toBe(0);
  });

  it('refuses an unknown item kind or an empty item id in a finding, scoring nothing', async () => {
    const scheduled = await schedule(PEOPLE.assessor, {});
    const inspectionId = scheduled.body.data!.scheduleInspection.id;
    const entriesBefore = await assessment.models.scoreEntries.countDocuments();
    for (const item of [
      { kind: 'BANANA', id: 'nope' },
      { kind: 'MATTER', id: '  ' },
    ]) {
      const { body } = await assessment.as(PEOPLE.assessor, FINDING, {
        input: { inspectionId, item, severity: 'COMMENDABLE', note: '好' },
      });
      expect(errorOf(body)?.code).toBe('BAD_USER_INPUT');
    }
    const overlong = await assessment.as(PEOPLE.assessor, FINDING, {
      input: { inspectionId, severity: 'MINOR_ISSUE', note: '记'.repeat(5001) },
    });
    expect(errorOf(overlong.body)).toEqual({
      code: 'BAD_USER_INPUT',
      message: '检查发现的说明不能超过 5000 个字',
    });
    expect(await assessment.models.scoreEntries.countDocuments()).toBe(entriesBefore);
    const stored = await assessment.models.inspections.findById(inspectionId).lean();
    expect(stored?.findings).toEqual([]);
  });

  it('refuses a past date, a period not begun by the inspection, and an overlong title', async () => {
    const before = await assessment.models.inspections.countDocuments();
    const past = await schedule(PEOPLE.assessor, {
      period: '2019',
      scheduledFor: '2020-01-01T09:00:00+08:00',
    });
    expect(errorOf(past.body)).toEqual({
      code: 'BAD_USER_INPUT',
      message: '检查时间不能早于当前时间',
    });
    const future = await schedule(PEOPLE.assessor, { period: '2030' });
    expect(errorOf(future.body)?.message).toBe('被检查期间 2030 在检查时间之后才开始');
    const long = await schedule(PEOPLE.assessor, { title: '查'.repeat(101) });
    expect(errorOf(long.body)?.message).toBe('检查名称不能超过 100 个字');
    expect(await assessment.models.inspections.countDocuments()).toBe(before);
  });

  it('names unknown item kinds of a spot check instead of finding nothing to sample', async () => {
    const { body } = await assessment.as(PEOPLE.assessor, START, {
      input: {
        divisionId: 'div-general-2',
        period: '2026-Q1',
        title: '抽查',
        sampleSize: 1,
        itemKinds: ['BANANA'],
      },
    });
    expect(errorOf(body)?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(body)?.message).toMatch(/^没有“BANANA”这类事项/);
  });
});

describe('evaluations (考评)', () => {
  const EVALUATION = `query Evaluation($representations: [_Any!]!, $period: String!) {
    _entities(representations: $representations) {
      ... on Division {
        evaluation(period: $period) {
          period total rank rankedDivisions grade gradeLabel grading { excellent good pass }
          rewardPoints penaltyPoints
          commendations { points rule { id } }
          penalties { points rule { id } }
          trend { period total cumulative }
          published { version grade }
        }
      }
    }
  }`;
  const PUBLISH = `mutation Publish($period: String!) { publishEvaluations(period: $period) { division { id } total rank grade } }`;

  type Evaluation = {
    total: number;
    rank: number;
    grade: string;
    gradeLabel: string;
    grading: { excellent: number; good: number; pass: number };
    rewardPoints: number;
    penaltyPoints: number;
    commendations: unknown[];
    penalties: unknown[];
    trend: Array<{ period: string; total: number; cumulative: number }>;
    published: { version: number; grade: string } | null;
  };

  async function evaluationOf(period: string) {
    const { body } = await assessment.as<{ _entities: Array<{ evaluation: Evaluation }> }>(
      PEOPLE.general2Head,
      EVALUATION,
      {
        representations: [{ __typename: 'Division', id: 'div-general-2' }],
        period,
      },
    );
    expect(body.errors).toBeUndefined();
    return body.data!._entities[0]!.evaluation;
  }

  it('grades, ranks and explains a division’s quarter', async () => {
    const quarter = await evaluationOf('2026-Q1');
    // 8 matters on time × 3 + 4 late × 1 + 8 readings on time × 0.5
    // A quarter is held to a quarter of the annual thresholds (265 / 195 / 133).
    expect(quarter).toMatchObject({
      total: 32,
      rank: 1,
      grade: 'FAIL',
      gradeLabel: '不合格',
      grading: { excellent: 66.25, good: 48.75, pass: 33.25 },
      rewardPoints: 32,
      penaltyPoints: 0,
    });
    expect(quarter.trend).toEqual([
      { period: '2026-01', total: 0, cumulative: 0 },
      { period: '2026-02', total: 32, cumulative: 32 },
      { period: '2026-03', total: 0, cumulative: 32 },
    ]);
    expect(quarter.published).toBeNull();
  });

  it('lists the month’s inspection findings as commendations and penalties', async () => {
    // Findings count in the period they are recorded in: this month.
    const month = await evaluationOf(
      formatPeriod(periodContaining(periodKeysOf(new Date()), 'MONTH')),
    );
    expect(month).toMatchObject({ total: 1, rewardPoints: 2, penaltyPoints: -1 });
    expect(month.commendations).toEqual([{ points: 2, rule: { id: 'inspection-commendable' } }]);
    expect(month.penalties).toEqual([{ points: -1, rule: { id: 'inspection-minor-issue' } }]);
  });

  it('publishes every division’s evaluation with an event, a new version each time', async () => {
    const first = await assessment.as<{
      publishEvaluations: Array<{ division: { id: string }; total: number }>;
    }>(PEOPLE.assessor, PUBLISH, { period: '2026-Q1' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.publishEvaluations.map((e) => e.division.id)).toContain(
      'div-general-2',
    );
    await assessment.as(PEOPLE.assessor, PUBLISH, { period: '2026-Q1' });

    expect((await evaluationOf('2026-Q1')).published).toEqual({ version: 2, grade: 'FAIL' });
    const events = await assessment.outboxEvents(assessmentEvents.evaluationPublished.fullType);
    expect(
      events
        .filter((e) => (e.data as { divisionId: string }).divisionId === 'div-general-2')
        .map((e) => (e.data as { version: number }).version),
    ).toEqual([1, 2]);
  });

  it('refuses to publish a period that has not begun, writing nothing', async () => {
    const before = await assessment.models.evaluations.countDocuments();
    const nextYear = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1);
    const { body } = await assessment.as(PEOPLE.assessor, PUBLISH, { period: `${nextYear}-06` });
    expect(body.errors?.[0]).toMatchObject({
      message: `考核期间 ${nextYear}-06 尚未开始，不能发布考评`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await assessment.models.evaluations.countDocuments()).toBe(before);
  });
});
