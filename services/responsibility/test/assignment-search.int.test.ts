import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexUnsearchableMatters } from '../src/assignments/assignment-search.js';
import { assign, startMatters, type Data, type Matters } from './matters-harness.js';

let matters: Matters;
const ids = new Map<string, string>();

const SEARCH = `
  query ($q: String!, $filter: AssignmentFilter, $first: Int, $after: String) {
    searchAssignments(query: $q, filter: $filter, first: $first, after: $after) {
      terms totalCount
      hits { score snippet assignment { id title } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

beforeAll(async () => {
  matters = await startMatters();
  const created = [
    [
      'plan',
      '起草政务资源整合实施方案',
      '围绕人力、技术、信息、成果四类资源提出整合举措',
      'div-general-1',
      'INTERNAL',
    ],
    [
      'catalogue',
      '建设政务信息资源共享目录',
      '梳理各处室信息资源，形成共享目录',
      'div-information',
      'INTERNAL',
    ],
    ['secret', '涉密载体清查中的资源整合', '清查涉密载体', 'div-general-1', 'SECRET'],
    ['mention', '年度重点工作台账', '其中包括政务资源整合的进展', 'div-general-1', 'INTERNAL'],
  ] as const;
  for (const [key, title, requirements, leadDivisionId, classification] of created) {
    const matter = await assign(matters, {
      title,
      requirements,
      leadDivisionId,
      classification,
      coDivisionIds: [],
      responsibleStaffIds: [],
    });
    ids.set(key, matter.id);
  }
});

afterAll(async () => {
  await matters?.close();
});

const search = async (who: string, q: string, more: Record<string, unknown> = {}) =>
  (await matters.ok<{ searchAssignments: Data }>(who, SEARCH, { q, ...more })).searchAssignments;
const hitIds = (result: Data) => result.hits.map((hit: Data) => hit.assignment.id);

describe('matter search', () => {
  it('finds matters by a word of the title, a title match above one in the requirements', async () => {
    const result = await search('staff-executive-deputy', '资源整合');
    expect(hitIds(result)).toEqual(
      expect.arrayContaining([ids.get('plan'), ids.get('secret'), ids.get('mention')]),
    );
    expect(hitIds(result).at(-1)).toBe(ids.get('mention'));
    expect(result.hits.at(-1).snippet).toContain('资源整合');
  });

  it('counts only the matters the viewer may see: their division’s, within their clearance', async () => {
    // 宋志刚 (CONFIDENTIAL) of 综合一处: not the SECRET matter, not 信息处's catalogue.
    const staff = await search('staff-general-1-1', '资源');
    expect(staff.totalCount).toBe(2);
    expect(hitIds(staff)).toEqual(expect.arrayContaining([ids.get('plan'), ids.get('mention')]));
    // 信息处's staff find their own matter and nothing of 综合一处's.
    expect(hitIds(await search('staff-information-1', '资源'))).toEqual([ids.get('catalogue')]);
  });

  it('narrows by the list filters', async () => {
    const result = await search('staff-executive-deputy', '资源', {
      filter: { leadDivisionId: 'div-information' },
    });
    expect(hitIds(result)).toEqual([ids.get('catalogue')]);
  });

  it('refuses a query too long in Chinese and changes nothing', async () => {
    const { body } = await matters.as('staff-general-1-1', SEARCH, { q: '资源'.repeat(101) });
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('检索词不能超过 200 个字'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('gives matters stored before search existed their terms at start-up', async () => {
    await matters.models.assignments.updateOne(
      { _id: ids.get('catalogue') },
      { $unset: { searchTerms: 1 } },
    );
    expect((await search('staff-information-1', '共享目录')).totalCount).toBe(0);
    expect(await indexUnsearchableMatters(matters.models)).toBe(1);
    expect(hitIds(await search('staff-information-1', '共享目录'))).toEqual([ids.get('catalogue')]);
  });
});
