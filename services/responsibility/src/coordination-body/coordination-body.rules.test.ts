import { describe, expect, it } from 'vitest';
import {
  coordinationBodyFieldProblems,
  leadProblem,
  normalizeCoordinationBodyFields,
  unknownMembersProblem,
  type CoordinationBodyFields,
  unfitMemberProblems,
} from './coordination-body.rules.js';

const body: CoordinationBodyFields = {
  name: '政务资源整合协调机构',
  leadId: 'staff-executive-deputy',
  memberIds: ['staff-a', 'staff-b'],
  responsibilities: '统筹整合政务资源',
};

describe('normalizeCoordinationBodyFields', () => {
  it('lists each member once and the lead only as lead', () => {
    expect(
      normalizeCoordinationBodyFields({
        ...body,
        memberIds: ['staff-a', 'staff-executive-deputy', 'staff-b', 'staff-a'],
      }).memberIds,
    ).toEqual(['staff-a', 'staff-b']);
  });
});

describe('coordinationBodyFieldProblems', () => {
  it('accepts a named body with responsibilities and members', () => {
    expect(coordinationBodyFieldProblems(body)).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(
      coordinationBodyFieldProblems({ ...body, name: '', responsibilities: ' ', memberIds: [] }),
    ).toEqual(['协调机构名称不能为空', '协调机构职责不能为空', '协调机构至少需要一名成员']);
  });

  it('limits the number of members', () => {
    const memberIds = Array.from({ length: 101 }, (_, i) => `staff-${i}`);
    expect(coordinationBodyFieldProblems({ ...body, memberIds })).toEqual([
      '协调机构成员不能超过 100 人',
    ]);
  });
});

describe('leadProblem', () => {
  it('accepts office leadership as lead', () => {
    expect(leadProblem('staff-1', { name: '李振华', roles: ['OFFICE_LEADER'] })).toBeNull();
  });

  it('refuses anyone else, naming them', () => {
    expect(leadProblem('staff-2', { name: '马俊峰', roles: ['DIVISION_HEAD'] })).toBe(
      '协调机构须由厅领导牵头，马俊峰不是厅领导',
    );
  });

  it('names a lead that does not exist', () => {
    expect(leadProblem('staff-404', null)).toBe('找不到牵头人“staff-404”');
  });
});

describe('unknownMembersProblem', () => {
  it('is satisfied when every member exists', () => {
    expect(unknownMembersProblem(['a', 'b'], new Set(['a', 'b', 'c']))).toBeNull();
  });

  it('names every missing member', () => {
    expect(unknownMembersProblem(['a', 'x', 'y'], new Set(['a']))).toBe('找不到以下成员：x、y');
  });
});

describe('unfitMemberProblems', () => {
  it('names people who have left and people of other offices', () => {
    expect(
      unfitMemberProblems(
        [
          { name: '高振宇', officeId: 'office-harbin', active: true },
          { name: '王五', officeId: 'office-harbin', active: false },
          { name: '刘晓光', officeId: 'office-daoli', active: true },
        ],
        'office-harbin',
      ),
    ).toEqual(['王五已离职，不能进入协调机构', '刘晓光不是本办公厅人员，不能进入协调机构']);
  });
});
