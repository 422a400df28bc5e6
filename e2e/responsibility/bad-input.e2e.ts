import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsForStaff } from '@heli/demo-data';
import { responsibilityPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

const leadership = claimsForStaff('staff-executive-deputy');

// A subgraph refuses a malformed argument before any resolver runs (HTTP 400); the caller must
// still learn what was wrong, not get a masked internal error.
describe('malformed arguments through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack([responsibilityPart()]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const matterCount = async () =>
    (
      await stack.data<{ assignments: { totalCount: number } }>(
        leadership,
        '{ assignments(first: 1) { totalCount } }',
      )
    ).assignments.totalCount;

  it.each(['tomorrow', '2027-01-01', '2027-02-30T00:00:00Z', 12345])(
    'refuses the deadline %j given as a variable with BAD_USER_INPUT, creating nothing',
    async (deadline) => {
      const before = await matterCount();
      const res = await stack.query(
        'mutation ($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }',
        { input: { title: '起草调研报告', leadDivisionId: 'div-general-1', deadline } },
        leadership,
      );
      expect(res.body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('时间格式不正确'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(await matterCount()).toBe(before);
    },
  );

  it('refuses a malformed deadline written into the query with BAD_USER_INPUT', async () => {
    const res = await stack.query(
      `mutation { createAssignment(input: {
        title: "起草调研报告", leadDivisionId: "div-general-1", deadline: "yesterday"
      }) { id } }`,
      {},
      leadership,
    );
    expect(res.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('时间格式不正确'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses a malformed filter date with BAD_USER_INPUT', async () => {
    const res = await stack.query(
      'query ($from: DateTime) { assignments(filter: { deadlineFrom: $from }) { totalCount } }',
      { from: 'yesterday' },
      leadership,
    );
    expect(res.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('时间格式不正确'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
