import { describe, expect, it } from 'vitest';
import {
  manualSourceProblem,
  newMatterProblems,
  priorityRank,
  latestDeadline,
} from './assignment-fields.rules.js';

const now = new Date('2026-11-26T08:00:00+08:00');
const fields = {
  title: '牵头起草政务资源整合实施方案',
  requirements: '12月10日前报送初稿',
  leadDivisionId: 'div-general-1',
  coDivisionIds: ['div-research'],
  deadline: new Date('2026-12-10T17:00:00+08:00'),
};

describe('newMatterProblems', () => {
  it('accepts a complete matter', () => {
    expect(newMatterProblems(fields, now)).toEqual([]);
  });

  it('bounds the co-organising divisions and the responsible staff', () => {
    const many = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
    expect(
      newMatterProblems(
        { ...fields, coDivisionIds: many(21, 'div'), responsibleStaffIds: many(20_000, 'staff') },
        now,
      ),
    ).toEqual(['协办处室不能超过 20 个', '责任人不能超过 50 人']);
    expect(newMatterProblems({ ...fields, responsibleStaffIds: many(50, 'staff') }, now)).toEqual(
      [],
    );
  });

  it('names every problem at once', () => {
    expect(
      newMatterProblems(
        { ...fields, title: ' ', deadline: now, coDivisionIds: ['div-general-1', 'div-general-1'] },
        now,
      ),
    ).toEqual([
      '事项标题不能为空',
      '办理时限必须晚于当前时间',
      '主办处室不能同时是协办处室',
      '协办处室不能重复',
    ]);
  });
});

describe('priorityRank', () => {
  it('orders NORMAL below HIGH below URGENT', () => {
    expect([priorityRank('NORMAL'), priorityRank('HIGH'), priorityRank('URGENT')]).toEqual([
      0, 1, 2,
    ]);
  });
});

describe('manualSourceProblem', () => {
  it('lets people assign leadership and higher-office matters only', () => {
    expect(manualSourceProblem('LEADERSHIP')).toBeNull();
    expect(manualSourceProblem('HIGHER_OFFICE')).toBeNull();
    expect(manualSourceProblem('INSTRUCTION')).toMatch(/不能直接交办/);
    expect(manualSourceProblem('MEETING_DECISION')).toMatch(/不能直接交办/);
  });
});

describe('how far ahead a deadline may lie', () => {
  it('accepts ten years ahead and refuses anything later', () => {
    expect(latestDeadline(now)).toEqual(new Date('2036-11-26T08:00:00+08:00'));
    expect(newMatterProblems({ ...fields, deadline: latestDeadline(now) }, now)).toEqual([]);
    expect(
      newMatterProblems({ ...fields, deadline: new Date(latestDeadline(now).getTime() + 1) }, now),
    ).toEqual(['办理时限不能晚于 10 年之后']);
    expect(
      newMatterProblems({ ...fields, deadline: new Date('9999-12-31T00:00:00Z') }, now),
    ).toEqual(['办理时限不能晚于 10 年之后']);
  });
});
