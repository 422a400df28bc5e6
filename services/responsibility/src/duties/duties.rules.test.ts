import { describe, expect, it } from 'vitest';
import { canMaintainDuties, canSeeAllDuties, dutyProblems } from './duties.rules.js';

const head = {
  sub: 'staff-legal-head',
  divisionId: 'div-legal',
  roles: ['DIVISION_HEAD' as const],
};
const staff = { sub: 'staff-legal-1', divisionId: 'div-legal', roles: ['STAFF' as const] };

describe('duties access', () => {
  it('shows every duty to office leadership and coordination-body members only', () => {
    expect(canSeeAllDuties({ sub: 'x', divisionId: null, roles: ['OFFICE_LEADER'] }, [])).toBe(
      true,
    );
    expect(canSeeAllDuties(head, ['staff-legal-head'])).toBe(true);
    expect(canSeeAllDuties(staff, ['staff-legal-head'])).toBe(false);
  });

  it("lets a head keep their own division's duties, not another's", () => {
    expect(canMaintainDuties(head, 'div-legal')).toBe(true);
    expect(canMaintainDuties(head, 'div-research')).toBe(false);
    expect(canMaintainDuties(staff, 'div-legal')).toBe(false);
    expect(canMaintainDuties({ ...staff, roles: ['ADMIN'] }, 'div-research')).toBe(true);
  });
});

describe('dutyProblems', () => {
  it('requires both a description and a measurable standard', () => {
    expect(dutyProblems({ description: '统筹信息报送', standard: ' ' })).toEqual([
      '衡量标准不能为空',
    ]);
  });
});
