import { describe, expect, it } from 'vitest';
import { instructionProblems, isLeader } from './instructions.rules.js';

const now = new Date('2026-03-02T01:00:00Z');
const nextWeek = new Date('2026-03-09T01:00:00Z');

describe('isLeader', () => {
  it('is true for committee leaders and office leadership only', () => {
    expect(isLeader({ roles: ['COMMITTEE_LEADER'] })).toBe(true);
    expect(isLeader({ roles: ['OFFICE_LEADER'] })).toBe(true);
    expect(isLeader({ roles: ['DIVISION_HEAD', 'STAFF'] })).toBe(false);
  });
});

describe('instructionProblems', () => {
  it('accepts an instruction naming a lead division and a future deadline', () => {
    const draft = {
      text: '请综合一处牵头落实',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-research'],
      deadline: nextWeek,
    };
    expect(instructionProblems(draft, now)).toEqual([]);
  });

  it('accepts a plain instruction with nobody named', () => {
    expect(
      instructionProblems(
        { text: '已阅，同意', leadDivisionId: null, coDivisionIds: [], deadline: null },
        now,
      ),
    ).toEqual([]);
  });

  it('rejects empty text, a lead division among co-organisers and a past deadline', () => {
    const draft = { text: ' ', leadDivisionId: 'div-a', coDivisionIds: ['div-a'], deadline: now };
    expect(instructionProblems(draft, now)).toEqual([
      '批示内容不能为空',
      '主办处室不能同时是协办处室',
      '办理时限必须晚于现在',
    ]);
  });

  it('wants a lead division before co-organisers or a deadline', () => {
    expect(
      instructionProblems(
        { text: '阅', leadDivisionId: null, coDivisionIds: ['div-b'], deadline: nextWeek },
        now,
      ),
    ).toEqual(['指定协办处室前请先指定主办处室', '设定办理时限时须指定主办处室']);
  });
});
