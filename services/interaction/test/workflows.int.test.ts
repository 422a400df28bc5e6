import { interactionEvents } from '@heli/event-contracts';
import { outboxEvents } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceOverdueSteps } from '../src/workflows/overdue-scan.js';
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

    // During the holiday it is not overdue yet.
    clock.set('2026-10-05T10:00:00+08:00');
    expect(await announceOverdueSteps(subgraph.runtime.runtime, clock.now())).toBe(0);

    clock.set('2026-10-08T09:30:00+08:00');
    const runs = await Promise.all([
      announceOverdueSteps(subgraph.runtime.runtime, clock.now()),
      announceOverdueSteps(subgraph.runtime.runtime, clock.now()),
    ]);
    expect(await announceOverdueSteps(subgraph.runtime.runtime, clock.now())).toBe(0);
    const announced = (
      await outboxEvents(subgraph.conn, interactionEvents.workflowStepOverdue)
    ).filter((event) => event.subject === step.id);
    expect(announced).toHaveLength(1);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(announced[0]!.data).toMatchObject({
      caseTitle: '省委办公厅来文',
      stepName: '签收',
      responsibleDivisionId: 'div-documents',
    });
    expect((await models.cases.findById(kase.id).lean())!.overdueSteps).toBe(1);

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
});
