import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import { responsibilityPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

const leadership = claimsForStaff('staff-executive-deputy');
const divisionHead = claimsForStaff('staff-general-1-head');

describe('an assigned matter from assignment to on-time completion, through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack([responsibilityPart()]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const run = <T>(viewer: HeliClaims, query: string, variables?: Record<string, unknown>) =>
    stack.data<T>(viewer, query, variables);

  it('leadership assigns, the division accepts, reports twice, submits, leadership completes; the board shows it on time', async () => {
    const deadline = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    const { createAssignment } = await run<{ createAssignment: { id: string; status: string } }>(
      leadership,
      'mutation ($input: CreateAssignmentInput!) { createAssignment(input: $input) { id status } }',
      {
        input: {
          title: '牵头起草政务资源整合实施方案',
          requirements: '一周内报送初稿，协办处室提供调研材料',
          leadDivisionId: 'div-general-1',
          coDivisionIds: ['div-research'],
          deadline,
          priority: 'HIGH',
          reportFrequency: 'WEEKLY',
        },
      },
    );
    expect(createAssignment.status).toBe('ASSIGNED');
    const id = createAssignment.id;

    const accepted = await run<{ acceptAssignment: { status: string } }>(
      divisionHead,
      'mutation ($id: ID!) { acceptAssignment(input: { id: $id }) { status } }',
      { id },
    );
    expect(accepted.acceptAssignment.status).toBe('ACCEPTED');

    for (const [text, percent] of [
      ['已完成提纲，正在征求协办处室意见', 40],
      ['初稿已完成，正在内部审核', 80],
    ] as const) {
      const reported = await run<{
        reportProgress: { status: string; latestProgressReport: { percent: number } };
      }>(
        divisionHead,
        'mutation ($id: ID!, $text: String!, $percent: Int!) { reportProgress(input: { assignmentId: $id, text: $text, percent: $percent }) { status latestProgressReport { percent } } }',
        { id, text, percent },
      );
      expect(reported.reportProgress).toEqual({
        status: 'IN_PROGRESS',
        latestProgressReport: { percent },
      });
    }

    const submitted = await run<{ submitAssignmentResult: { status: string } }>(
      divisionHead,
      'mutation ($id: ID!) { submitAssignmentResult(input: { id: $id, result: "方案初稿已报送厅领导" }) { status } }',
      { id },
    );
    expect(submitted.submitAssignmentResult.status).toBe('RESULT_SUBMITTED');

    const completed = await run<{
      completeAssignment: {
        status: string;
        completedOnTime: boolean;
        history: { action: string }[];
      };
    }>(
      leadership,
      'mutation ($id: ID!) { completeAssignment(input: { id: $id }) { status completedOnTime history { action } } }',
      { id },
    );
    expect(completed.completeAssignment.status).toBe('COMPLETED');
    expect(completed.completeAssignment.completedOnTime).toBe(true);
    expect(completed.completeAssignment.history.length).toBeGreaterThanOrEqual(5);

    const { leadershipBoard } = await run<{
      leadershipBoard: {
        rows: {
          figures: { completedOnTime: number; completedLate: number };
          assignments: { edges: { node: { id: string; completedOnTime: boolean } }[] };
        }[];
      };
    }>(
      leadership,
      `{ leadershipBoard(divisionIds: ["div-general-1"]) { rows {
          figures { open dueThisWeek overdue completedOnTime completedLate onTimeRate }
          assignments(filter: { status: [COMPLETED] }, first: 100) { edges { node { id completedOnTime } } } } } }`,
    );
    const row = leadershipBoard.rows[0]!;
    expect(row.figures.completedOnTime).toBeGreaterThanOrEqual(1);
    expect(row.assignments.edges.map((e) => e.node)).toContainEqual({ id, completedOnTime: true });
  });

  it('gives a staff member of another division nothing about the matter', async () => {
    const { createAssignment } = await run<{ createAssignment: { id: string } }>(
      leadership,
      'mutation ($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }',
      {
        input: {
          title: '内部事项：涉密材料整理',
          leadDivisionId: 'div-general-1',
          coDivisionIds: [],
          deadline: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
          priority: 'NORMAL',
        },
      },
    );
    const outsider = claimsForStaff('staff-legal-head');
    const res = await stack.query(
      'query ($id: ID!) { assignment(id: $id) { id title } }',
      { id: createAssignment.id },
      outsider,
    );
    expect(res.body.data).toEqual({ assignment: null });
  });
});
