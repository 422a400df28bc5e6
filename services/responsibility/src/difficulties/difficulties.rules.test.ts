import { describe, expect, it } from 'vitest';
import {
  assignResolverStatus,
  canResolve,
  difficultyVisibilityFilter,
  resolveStatus,
  resolverProblems,
} from './difficulties.rules.js';

const staff = {
  sub: 'staff-legal-1',
  divisionId: 'div-legal',
  roles: ['STAFF' as const],
  clearance: 'INTERNAL' as const,
};
const leader = {
  sub: 'staff-director',
  divisionId: null,
  roles: ['OFFICE_LEADER' as const],
  clearance: 'TOP_SECRET' as const,
};

describe('difficultyVisibilityFilter', () => {
  it('gives office leadership every difficulty within its clearance', () => {
    expect(difficultyVisibilityFilter(leader)).toEqual({
      classification: { $in: ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET'] },
    });
  });

  it("gives staff their division's, their own and those they resolve, within clearance", () => {
    expect(difficultyVisibilityFilter(staff)).toEqual({
      classification: { $in: ['PUBLIC', 'INTERNAL'] },
      $or: [
        { divisionId: 'div-legal' },
        { raisedByStaffId: 'staff-legal-1' },
        { resolverStaffId: 'staff-legal-1' },
      ],
    });
  });
});

describe('difficulty status', () => {
  it('moves to IN_RESOLUTION when a resolver is assigned, and to RESOLVED once', () => {
    expect(assignResolverStatus('OPEN')).toBe('IN_RESOLUTION');
    expect(assignResolverStatus('IN_RESOLUTION')).toBe('IN_RESOLUTION');
    expect(resolveStatus('OPEN')).toBe('RESOLVED');
    expect(() => resolveStatus('RESOLVED')).toThrow('困难已解决，不能重复办结');
    expect(() => assignResolverStatus('RESOLVED')).toThrow(/不能再指派/);
  });

  it('lets office leadership or the assigned resolver resolve it', () => {
    expect(canResolve(leader, { resolverStaffId: null })).toBe(true);
    expect(canResolve(staff, { resolverStaffId: 'staff-legal-1' })).toBe(true);
    expect(canResolve(staff, { resolverStaffId: null })).toBe(false);
  });
});

describe('resolverProblems', () => {
  const deputy = {
    name: '卢春燕',
    officeId: 'office-harbin',
    active: true,
    clearance: 'SECRET' as const,
  };

  it('accepts someone of the own office who is cleared for the difficulty', () => {
    expect(resolverProblems(deputy, 'office-harbin', 'SECRET')).toEqual([]);
  });

  it('names everything that rules a resolver out', () => {
    expect(resolverProblems({ ...deputy, active: false }, 'office-harbin', 'SECRET')).toEqual([
      '卢春燕已离职，不能协调该困难',
    ]);
    expect(
      resolverProblems(
        { ...deputy, name: '刘晓光', officeId: 'office-daoli' },
        'office-harbin',
        'TOP_SECRET',
      ),
    ).toEqual([
      '刘晓光不是本办公厅人员，不能协调本办公厅的困难',
      '刘晓光的涉密等级不足以处理该困难',
    ]);
  });
});
