import { interactionEvents } from '@heli/event-contracts';
import { outboxEvents } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillWaitingOn } from '../src/workflows/backfill-waiting-on.js';
import { announceOverdueSteps } from '../src/workflows/overdue-scan.js';
import { waitingOn } from '../src/workflows/workflow.rules.js';
import { DIRECTOR, startInteraction, type Data, type Interaction } from './interaction-harness.js';

let interaction: Interaction;

beforeAll(async () => {
  interaction = await startInteraction();
});

afterAll(async () => {
  await interaction?.close();
});

const START = `mutation ($input: StartWorkflowCaseInput!) {
  startWorkflowCase(input: $input) { id templateVersion steps { id stepKey dueAt status } } }`;
const COMPLETE = `mutation ($input: CompleteWorkflowStepInput!) {
  completeWorkflowStep(input: $input) { id status onTime } }`;
const SAVE = `mutation ($input: SaveWorkflowTemplateInput!) { saveWorkflowTemplate(input: $input) { id version } }`;
const CASE = `query ($id: ID!) { workflowCase(id: $id) { status templateVersion steps { stepKey name status dueAt } } }`;

const limit = (amount: number) => ({ unit: 'WORKING_DAYS', amount });

describe('workflow cases on the working-day calendar', () => {
  it('keeps running cases on their version when leadership changes the template', async () => {
    const { ok, as } = interaction;
    const v1 = {
      key: 'briefing',
      kind: 'SUPERVISION',
      name: '专报流程',
      steps: [
        { key: 'draft', name: '起草', timeLimit: limit(2), next: ['check'] },
        { key: 'check', name: '审核', timeLimit: limit(1) },
      ],
    };
    await ok(DIRECTOR, SAVE, { input: { ...v1, expectedVersion: null } });
    const running: Data = (
      await ok('staff-information-1', START, {
        input: { templateKey: 'briefing', title: '第5期信息专报' },
      })
    ).startWorkflowCase;
    expect(running.templateVersion).toBe(1);

    // Leadership adds a step and renames one: version 2. A stale editor is refused.
    const v2 = {
      ...v1,
      steps: [
        { key: 'draft', name: '起草初稿', timeLimit: limit(1), next: ['check'] },
        { key: 'check', name: '处长审核', timeLimit: limit(1), next: ['sign'] },
        { key: 'sign', name: '领导签发', timeLimit: limit(1) },
      ],
    };
    expect(
      (await ok(DIRECTOR, SAVE, { input: { ...v2, expectedVersion: 1 } })).saveWorkflowTemplate
        .version,
    ).toBe(2);
    const stale = await as(DIRECTOR, SAVE, { input: { ...v2, expectedVersion: 1 } });
    expect(stale.errors[0].extensions.code).toBe('CONFLICT');

    const [first] = running.steps;
    await ok('staff-information-1', COMPLETE, { input: { stepId: first.id, outputRef: 'doc-1' } });
    const after: Data = (await ok('staff-information-1', CASE, { id: running.id })).workflowCase;
    expect(after.templateVersion).toBe(1);
    expect(after.steps.map((s: Data) => [s.stepKey, s.name, s.status])).toEqual([
      ['draft', '起草', 'DONE'],
      ['check', '审核', 'OPEN'],
    ]);
    const fresh: Data = (
      await ok('staff-information-1', START, {
        input: { templateKey: 'briefing', title: '第6期信息专报' },
      })
    ).startWorkflowCase;
    expect(fresh.templateVersion).toBe(2);
  });

  it('refuses a template with a cycle, and a step completed twice, changing nothing', async () => {
    const { as, ok, models } = interaction;
    const cyclic = await as(DIRECTOR, SAVE, {
      input: {
        key: 'loop',
        kind: 'MEETING',
        name: '循环流程',
        expectedVersion: null,
        steps: [
          { key: 'a', name: '甲', timeLimit: limit(1), next: ['b'] },
          { key: 'b', name: '乙', timeLimit: limit(1), next: ['a'] },
        ],
      },
    });
    expect(cyclic.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(cyclic.errors[0].message).toBe('流程存在循环：a → b → a');
    expect(await models.templates.countDocuments({ key: 'loop' })).toBe(0);

    const kase: Data = (
      await ok('staff-meetings-1', START, {
        input: { templateKey: 'meeting', title: '全市政务工作会议' },
      })
    ).startWorkflowCase;
    const stepId = kase.steps[0].id;
    await ok('staff-meetings-1', COMPLETE, { input: { stepId } });
    const stepsBefore = await models.steps.countDocuments({ caseId: kase.id });
    const twice = await as('staff-meetings-1', COMPLETE, { input: { stepId } });
    expect(twice.errors[0].extensions.code).toBe('CONFLICT');
    expect(twice.errors[0].message).toBe('该环节已办结，不能重复办理');
    expect(await models.steps.countDocuments({ caseId: kase.id })).toBe(stepsBefore);
  });

  it('announces an overdue step once, across a public holiday, however often and wherever the scan runs', async () => {
    const { ok, models, clock, subgraph } = interaction;
    // 收文 signed for at 16:00 on the last working day before National Day 2026: its 2-hour
    // limit runs 1.5 h that day and the rest on the first working morning after the holiday.
    clock.set('2026-09-30T16:00:00+08:00');
    const kase: Data = (
      await ok('staff-documents-1', START, {
        input: { templateKey: 'document', title: '省委办公厅来文' },
      })
    ).startWorkflowCase;
    const step = kase.steps[0];
    expect(step.dueAt).toBe(new Date('2026-10-08T09:00:00+08:00').toISOString());
    // Five more letters signed for at the same moment: the scanners race over six steps at once.
    const others: Data[] = [];
    for (let i = 1; i <= 5; i++) {
      others.push(
        (
          await ok('staff-documents-1', START, {
            input: { templateKey: 'document', title: `省委办公厅来文之${i}` },
          })
        ).startWorkflowCase,
      );
    }
    const announcedBefore = (
      await outboxEvents(subgraph.conn, interactionEvents.workflowStepOverdue)
    ).length;

    // During the holiday it is not overdue yet.
    clock.set('2026-10-05T10:00:00+08:00');
    expect(await announceOverdueSteps(subgraph.runtime.runtime, clock.now())).toBe(0);

    clock.set('2026-10-08T09:30:00+08:00');
    const runs = await Promise.all([
      announceOverdueSteps(subgraph.runtime.runtime, clock.now()),
      announceOverdueSteps(subgraph.runtime.runtime, clock.now()),
      announceOverdueSteps(subgraph.runtime.runtime, clock.now()),
    ]);
    expect(await announceOverdueSteps(subgraph.runtime.runtime, clock.now())).toBe(0);
    const events = await outboxEvents(subgraph.conn, interactionEvents.workflowStepOverdue);
    // Every step announced exactly once between the three scanners, and what they counted is
    // exactly what they recorded.
    const subjects = events.map((event) => event.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(events.length - announcedBefore);
    for (const kaseOf of [kase, ...others]) {
      expect(subjects.filter((subject) => subject === kaseOf.steps[0].id)).toHaveLength(1);
      expect((await models.cases.findById(kaseOf.id).lean())!.overdueSteps).toBe(1);
    }
    const announced = events.filter((event) => event.subject === step.id);
    expect(announced[0]!.data).toMatchObject({
      caseTitle: '省委办公厅来文',
      stepName: '签收',
      responsibleDivisionId: 'div-documents',
    });

    const mine: Data = await ok(
      'staff-documents-1',
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Staff {
         workflowSteps { edges { node { name overdue case { title } } } } } } }`,
      { reps: [{ __typename: 'Staff', id: 'staff-documents-1' }] },
    );
    expect(mine._entities[0].workflowSteps.edges).toContainEqual({
      node: { name: '签收', overdue: true, case: { title: '省委办公厅来文' } },
    });
  });

  it("lists my steps due first — mine and my division's unclaimed ones — page after page, and none of others", async () => {
    const { ok, models, clock } = interaction;
    clock.set('2026-11-02T09:00:00+08:00');
    const started: Data[] = [];
    for (let i = 1; i <= 5; i++) {
      started.push(
        (
          await ok('staff-documents-1', START, {
            input: { templateKey: 'document', title: `待办排序 ${i}` },
          })
        ).startWorkflowCase,
      );
      clock.set(new Date(clock.now().getTime() + 2 * 3_600_000).toISOString());
    }
    // The second is claimed by a colleague: off this person's list; the fourth is theirs.
    await ok('staff-documents-2', `mutation ($id: ID!) { claimWorkflowStep(stepId: $id) { id } }`, {
      id: started[1]!.steps[0].id,
    });
    await ok('staff-documents-1', `mutation ($id: ID!) { claimWorkflowStep(stepId: $id) { id } }`, {
      id: started[3]!.steps[0].id,
    });
    const PAGE = `query ($after: String) { myWorkflowSteps(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id status case { title } } } } }`;
    const titles: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let pages = 0; pages < 10; pages++) {
      const page: Data = (await ok('staff-documents-1', PAGE, { after })).myWorkflowSteps;
      total = page.totalCount;
      titles.push(...page.edges.map((edge: Data) => edge.node.case.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const mine = titles.filter((title) => title.startsWith('待办排序'));
    expect(mine).toEqual(['待办排序 1', '待办排序 3', '待办排序 4', '待办排序 5']);
    expect(titles).toHaveLength(total);
    const stored = await models.steps.findById(started[3]!.steps[0].id).lean();
    expect(stored!.waitingOn).toBe('staff:staff-documents-1');
    expect(stored!.waitingOn).toBe(waitingOn(stored!));
  });

  it('puts steps stored before the to-do key existed on the right list, once', async () => {
    const { models } = interaction;
    const [claimed, open, done] = ['claimed', 'open', 'done'].map((name) => `legacy-${name}`);
    const legacy = (id: string, status: string, assigneeStaffId: string | null) => ({
      _id: id,
      caseId: `case-${id}`,
      sequence: 1,
      caseTitle: '旧数据',
      templateKey: 'document',
      templateVersion: 1,
      kind: 'DOCUMENT',
      stepKey: 'sign-for',
      name: '签收',
      responsibleDivisionId: 'div-documents',
      assigneeStaffId,
      status,
      startedAt: new Date(),
      dueAt: new Date(),
      watching: status !== 'DONE',
      history: [],
    });
    await models.steps.collection.insertMany([
      legacy(claimed!, 'CLAIMED', 'staff-documents-1'),
      legacy(open!, 'OPEN', null),
      legacy(done!, 'DONE', 'staff-documents-1'),
    ] as never[]);
    expect(await backfillWaitingOn(models)).toBe(3);
    expect(await backfillWaitingOn(models)).toBe(0);
    const byId = new Map(
      (await models.steps.find({ _id: { $in: [claimed, open, done] } }).lean()).map((step) => [
        step._id,
        step.waitingOn,
      ]),
    );
    expect(Object.fromEntries(byId)).toEqual({
      [claimed!]: 'staff:staff-documents-1',
      [open!]: 'division:div-documents',
      [done!]: null,
    });
    await models.steps.deleteMany({ _id: { $in: [claimed, open, done] } });
  });
});
