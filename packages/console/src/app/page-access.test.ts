import { describe, expect, it } from 'vitest';
import {
  mayUseAdmin,
  mayUseAssessment,
  mayUseQueries,
  pageAccess,
  visibleMenu,
} from './page-access';

const MENU = [
  { key: '/', label: '工作台' },
  { key: '/board', label: '督办' },
  { key: '/assessment', label: '考核' },
  { key: '/queries', label: '查询' },
  { key: '/admin', label: '管理' },
];
const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe('who may use 管理, 考核 and 查询', () => {
  it('given an administrator outside any division, then 管理 only: no division to compete for and no queries', () => {
    const admin = { roles: ['ADMIN'], divisionId: null };
    expect(pageAccess(admin, 0)).toEqual({ admin: true, assessment: false, queries: false });
  });

  it('given assessors and office leadership, then 管理 for the scoring rules and 考核', () => {
    for (const role of ['ASSESSOR', 'OFFICE_LEADER']) {
      const viewer = { roles: [role], divisionId: null };
      expect(mayUseAdmin(viewer)).toBe(true);
      expect(mayUseAssessment(viewer)).toBe(true);
    }
  });

  it("given a division's staff member, then 考核 (the divisions compete) but not 管理", () => {
    const staff = { roles: ['STAFF'], divisionId: 'div-general-1' };
    expect(mayUseAssessment(staff)).toBe(true);
    expect(mayUseAdmin(staff)).toBe(false);
  });

  it('given a committee leader or an analyst without a division, then 考核 (they see every division)', () => {
    expect(mayUseAssessment({ roles: ['COMMITTEE_LEADER'], divisionId: null })).toBe(true);
    expect(mayUseAssessment({ roles: ['ANALYST'], divisionId: null })).toBe(true);
    expect(mayUseAssessment({ roles: ['LIAISON', 'SECURITY_OFFICER'], divisionId: null })).toBe(
      false,
    );
  });

  it('given an analyst with no saved query yet, then 查询; anyone else only with a query to run', () => {
    expect(mayUseQueries({ roles: ['STAFF', 'ANALYST'], divisionId: 'div-research' }, 0)).toBe(
      true,
    );
    expect(mayUseQueries({ roles: ['STAFF'], divisionId: 'div-research' }, 0)).toBe(false);
    expect(mayUseQueries({ roles: ['STAFF'], divisionId: 'div-research' }, 3)).toBe(true);
  });
});

describe('the menu', () => {
  it('given access not known yet, then the guarded entries stay hidden and the rest show', () => {
    expect(labels(visibleMenu(MENU, undefined))).toEqual(['工作台', '督办']);
  });

  it('given what the viewer may use, then exactly those guarded entries show, in menu order', () => {
    expect(labels(visibleMenu(MENU, { admin: true, assessment: false, queries: true }))).toEqual([
      '工作台',
      '督办',
      '查询',
      '管理',
    ]);
  });
});
