import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsForStaff } from '@heli/demo-data';
import { ManualClock } from '@heli/interaction';
import { announceOverdueSteps } from '@heli/interaction/overdue-scan';
import { waitFor } from '@heli/testkit';
import { assessmentPart, interactionPart, responsibilityPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted by shape
type Data = any;

const clerk = claimsForStaff('staff-documents-1');
const documentsHead = claimsForStaff('staff-documents-head');

describe('a workflow step that runs out of time, through the gateway', () => {
  let stack: Stack;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    stack = await startStack([responsibilityPart(), interactionPart({ clock }), assessmentPart()]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const SCORE = `query ($period: String!) { division(id: "div-documents") { score(period: $period) {
    total explanation(category: INTERACTION) { edges { node { points rule { id description }
      sourceEvent { type summary } } } } } } }`;

  it('lowers the responsible division’s score with an explanation naming the case and the step', async () => {
    const period = String(new Date().getUTCFullYear());
    const before: Data = await stack.data(documentsHead, SCORE, { period });

    const { startWorkflowCase } = await stack.data<Data>(
      clerk,
      `mutation { startWorkflowCase(input: { templateKey: "document", title: "市政府办公厅来函" }) {
         id steps { id name dueAt } } }`,
    );
    const [signFor] = startWorkflowCase.steps;
    expect(signFor.name).toBe('签收');

    // My steps, due first, show it until the test clock passes its due time.
    const mine: Data = await stack.data(
      clerk,
      `{ me { workflowSteps { edges { node { id overdue } } } } }`,
    );
    expect(mine.me.workflowSteps.edges).toContainEqual({
      node: { id: signFor.id, overdue: false },
    });

    clock.set(new Date(new Date(signFor.dueAt).getTime() + 60_000));
    const interaction = stack.subgraphs['interaction']!;
    expect(await announceOverdueSteps(interaction.runtime.runtime, clock.now())).toBe(1);

    const after = await waitFor(
      async () => {
        const data: Data = await stack.data(documentsHead, SCORE, { period });
        const entries = data.division.score.explanation.edges.map((edge: Data) => edge.node);
        const overdue = entries.find((entry: Data) => entry.rule.id === 'workflow-step-overdue');
        return overdue && { total: data.division.score.total, overdue };
      },
      { timeoutMs: 60_000, description: 'the overdue step to be scored' },
    );
    expect(after.total).toBe(before.division.score.total - 1);
    expect(after.overdue).toEqual({
      points: -1,
      rule: { id: 'workflow-step-overdue', description: '办理流程环节超过时限（责任处室）' },
      sourceEvent: {
        type: 'heli.interaction.workflow.step-overdue.v1',
        summary: '流程“市政府办公厅来函”的“签收”环节',
      },
    });
  });
});
