import type { HeliClaims } from '@heli/auth';
import { describe, expect, it } from 'vitest';
import {
  canReportOnPartnerTask,
  keyWorkItemProblems,
  monthsBetween,
  partnerOfficesProblem,
  partnerTaskProblems,
  statusAfterReport,
} from './coordination.rules.js';

const viewer = (over: Partial<HeliClaims>): HeliClaims => ({
  sub: 'staff-x',
  name: '某人',
  divisionId: null,
  officeId: 'office-harbin',
  roles: ['STAFF'],
  clearance: 'SECRET',
  ...over,
});

describe('monthsBetween', () => {
  it('lists every month of a range across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual({
      months: ['2026-11', '2026-12', '2027-01', '2027-02'],
    });
  });

  it('refuses a malformed month, a range running backwards and one over two years', () => {
    expect(monthsBetween('2026-13', '2027-01')).toEqual({
      problem: '起始月份须为“年-月”格式，如 2026-12，收到“2026-13”',
    });
    expect(monthsBetween('2027-01', '2026-12')).toEqual({ problem: '截止月份不能早于起始月份' });
    expect(monthsBetween('2026-01', '2028-01')).toEqual({
      problem: '一次最多查看 24 个月的统筹安排',
    });
  });
});

describe('keyWorkItemProblems', () => {
  it('needs a month and a title', () => {
    expect(
      keyWorkItemProblems({ month: '2026/12', title: ' ', description: '' }).filter(Boolean),
    ).toHaveLength(2);
    expect(
      keyWorkItemProblems({ month: '2026-12', title: '冰雪经济', description: '' }).filter(Boolean),
    ).toEqual([]);
  });
});

describe('partnerOfficesProblem', () => {
  it('wants partner offices at a coordination meeting and only there', () => {
    expect(partnerOfficesProblem('COORDINATION', [])).toBe(
      '横向协调会须至少邀请一个常委所在部门办公室',
    );
    expect(partnerOfficesProblem('DELIBERATION', ['office-propaganda'])).toBe(
      '只有横向协调会可以邀请常委所在部门办公室',
    );
    expect(partnerOfficesProblem('COORDINATION', ['office-propaganda'])).toBeNull();
    expect(partnerOfficesProblem('DELIBERATION', [])).toBeNull();
  });
});

describe('partnerTaskProblems', () => {
  const now = new Date('2026-12-01T09:00:00+08:00');
  it('refuses a deadline in the past', () => {
    expect(
      partnerTaskProblems(
        { title: '联合调研', requirements: '', deadline: new Date('2026-11-30T09:00:00+08:00') },
        now,
      ).filter(Boolean),
    ).toEqual(['完成时限不能早于现在']);
  });
});

describe('who reports on a partner task', () => {
  const task = { leadStaffId: 'staff-partner-liaison', organiserDivisionId: 'div-general-1' };
  it('is its lead, the organiser division head and office leadership', () => {
    expect(canReportOnPartnerTask(viewer({ sub: 'staff-partner-liaison' }), task)).toBe(true);
    expect(
      canReportOnPartnerTask(
        viewer({ divisionId: 'div-general-1', roles: ['DIVISION_HEAD'] }),
        task,
      ),
    ).toBe(true);
    expect(canReportOnPartnerTask(viewer({ roles: ['OFFICE_LEADER'] }), task)).toBe(true);
  });

  it('is not a member of the organiser division who is not its head', () => {
    expect(canReportOnPartnerTask(viewer({ divisionId: 'div-general-1' }), task)).toBe(false);
  });
});

describe('statusAfterReport', () => {
  it('moves a task forward and refuses reports on a completed one', () => {
    expect(statusAfterReport('AGREED', false)).toEqual({ status: 'IN_PROGRESS' });
    expect(statusAfterReport('IN_PROGRESS', true)).toEqual({ status: 'COMPLETED' });
    expect(statusAfterReport('COMPLETED', false)).toEqual({
      problem: '该协作事项已办结，不能再报送进展',
    });
  });
});
