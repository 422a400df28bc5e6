import { describe, expect, it } from 'vitest';
import {
  applyStaffPatch,
  headLeavingProblem,
  normalizeStaffFields,
  staffFieldProblems,
  staffOffice,
  type StaffFields,
  canSeeClearance,
  changesOwnPrivileges,
  outsideOwnOfficeProblem,
} from './staff.rules.js';

const clerk: StaffFields = {
  name: '林佳怡',
  title: '科员',
  officeId: 'office-harbin',
  divisionId: 'div-secretariat',
  roles: ['STAFF'],
  clearance: 'INTERNAL',
  phone: '0451-84670109',
};

describe('staffFieldProblems', () => {
  it('accepts a well-formed staff member', () => {
    expect(staffFieldProblems(clerk)).toEqual([]);
    expect(staffFieldProblems({ ...clerk, phone: null })).toEqual([]);
    expect(staffFieldProblems({ ...clerk, phone: '+86 139 4567 8901' })).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(
      staffFieldProblems({ ...clerk, name: '', title: ' ', roles: [], phone: '打电话' }),
    ).toEqual(['姓名不能为空', '职务不能为空', '至少需要一个角色', '电话号码“打电话”格式不正确']);
  });
});

describe('normalizeStaffFields', () => {
  it('trims text, removes repeated roles and treats a blank phone as none', () => {
    expect(
      normalizeStaffFields({
        ...clerk,
        name: ' 林佳怡 ',
        roles: ['STAFF', 'ADMIN', 'STAFF'],
        phone: '  ',
      }),
    ).toMatchObject({ name: '林佳怡', roles: ['STAFF', 'ADMIN'], phone: null });
  });
});

describe('staffOffice', () => {
  const secretariat = { name: '秘书处', officeId: 'office-harbin' };

  it('takes the office of the division when none is given', () => {
    expect(staffOffice(null, secretariat)).toEqual({ officeId: 'office-harbin' });
  });

  it('accepts a matching office and division', () => {
    expect(staffOffice('office-harbin', secretariat)).toEqual({ officeId: 'office-harbin' });
  });

  it('takes the given office for people outside any division', () => {
    expect(staffOffice('office-daoli', null)).toEqual({ officeId: 'office-daoli' });
  });

  it('refuses a division of another office', () => {
    expect(staffOffice('office-daoli', secretariat)).toEqual({
      problem: '处室“秘书处”不属于所指定的单位',
    });
  });

  it('needs an office or a division', () => {
    expect(staffOffice(null, null)).toEqual({ problem: '请指定所属单位或处室' });
  });
});

describe('headLeavingProblem', () => {
  const secretariat = { id: 'div-secretariat', name: '秘书处' };

  it('lets a head stay in their division', () => {
    expect(headLeavingProblem({ name: '马俊峰' }, 'div-secretariat', secretariat)).toBeNull();
  });

  it('lets people who head nothing move freely', () => {
    expect(headLeavingProblem({ name: '林佳怡' }, 'div-legal', null)).toBeNull();
  });

  it('keeps a head in their division until replaced', () => {
    expect(headLeavingProblem({ name: '马俊峰' }, 'div-legal', secretariat)).toBe(
      '马俊峰是秘书处负责人，调离前请先更换该处室负责人',
    );
    expect(headLeavingProblem({ name: '马俊峰' }, null, secretariat)).not.toBeNull();
  });
});

describe('applyStaffPatch', () => {
  const before = { ...clerk, active: true };

  it('keeps the fields the patch leaves out', () => {
    expect(applyStaffPatch(before, { title: '四级主任科员', roles: ['STAFF', 'ANALYST'] })).toEqual(
      {
        ...before,
        title: '四级主任科员',
        roles: ['STAFF', 'ANALYST'],
      },
    );
  });

  it('clears phone and division on explicit null, but never a required field', () => {
    expect(applyStaffPatch(before, { phone: null, divisionId: null, name: null })).toEqual({
      ...before,
      phone: null,
      divisionId: null,
    });
  });

  it('lets the office follow a new division unless an office is given', () => {
    expect(applyStaffPatch(before, { divisionId: 'div-legal' }).officeId).toBeNull();
    expect(
      applyStaffPatch(before, { divisionId: 'div-x', officeId: 'office-daoli' }).officeId,
    ).toBe('office-daoli');
  });

  it('marks a person as having left', () => {
    expect(applyStaffPatch(before, { active: false }).active).toBe(false);
  });
});

describe('changesOwnPrivileges', () => {
  const admin = {
    roles: ['STAFF', 'ADMIN'] as StaffFields['roles'],
    clearance: 'CONFIDENTIAL' as const,
  };

  it('refuses an administrator their own clearance or roles', () => {
    expect(
      changesOwnPrivileges('staff-a', 'staff-a', admin, { ...admin, clearance: 'TOP_SECRET' }),
    ).toBe(true);
    expect(
      changesOwnPrivileges('staff-a', 'staff-a', admin, {
        ...admin,
        roles: ['STAFF', 'ADMIN', 'OFFICE_LEADER'],
      }),
    ).toBe(true);
    expect(changesOwnPrivileges('staff-a', 'staff-a', admin, { ...admin, roles: ['ADMIN'] })).toBe(
      true,
    );
  });

  it('leaves their other fields, the same roles in another order, and other people alone', () => {
    expect(changesOwnPrivileges('staff-a', 'staff-a', admin, admin)).toBe(false);
    expect(
      changesOwnPrivileges('staff-a', 'staff-a', admin, { ...admin, roles: ['ADMIN', 'STAFF'] }),
    ).toBe(false);
    expect(
      changesOwnPrivileges('staff-a', 'staff-b', admin, { ...admin, clearance: 'TOP_SECRET' }),
    ).toBe(false);
  });
});

describe('canSeeClearance', () => {
  it('shows a clearance to the person, office leadership, security officers and administrators', () => {
    expect(canSeeClearance({ sub: 'staff-a', roles: ['STAFF'] }, 'staff-a')).toBe(true);
    for (const role of ['OFFICE_LEADER', 'SECURITY_OFFICER', 'ADMIN'] as const) {
      expect(canSeeClearance({ sub: 'staff-b', roles: [role] }, 'staff-a'), role).toBe(true);
    }
  });

  it('hides it from colleagues, division heads and liaisons of other offices', () => {
    for (const role of [
      'STAFF',
      'DIVISION_HEAD',
      'LIAISON',
      'ANALYST',
      'COMMITTEE_LEADER',
    ] as const) {
      expect(canSeeClearance({ sub: 'staff-b', roles: [role] }, 'staff-a'), role).toBe(false);
    }
  });
});

describe('outsideOwnOfficeProblem', () => {
  it('names a person of another office', () => {
    expect(
      outsideOwnOfficeProblem(
        { name: '刘晓光', officeId: 'office-daoli' },
        'office-harbin',
        '进入协调机构',
      ),
    ).toBe('刘晓光不是本办公厅人员，不能进入协调机构');
    expect(outsideOwnOfficeProblem(clerk, 'office-harbin', '进入协调机构')).toBeNull();
  });
});
