import { describe, expect, it } from 'vitest';
import {
  draftProblems,
  namedPeopleProblems,
  registrationRefusal,
  revisionProblems,
  revisionRefusal,
  type AchievementDraft,
} from './achievements.rules.js';

const staff = {
  sub: 'staff-research-1',
  divisionId: 'div-research',
  officeId: 'office-harbin',
  roles: ['STAFF' as const],
  clearance: 'INTERNAL' as const,
};
const director = {
  ...staff,
  sub: 'staff-director',
  divisionId: null,
  roles: ['OFFICE_LEADER' as const],
  clearance: 'TOP_SECRET' as const,
};

const draft: AchievementDraft = {
  title: '关于优化营商环境的调研报告',
  summary: '摘要',
  keywords: ['营商环境'],
  classification: 'INTERNAL',
  leadDivisionId: 'div-research',
  coDivisionIds: [],
  authorStaffIds: ['staff-research-1'],
  restrictedToDivisionIds: [],
};

describe('registering an achievement', () => {
  it('given a staff member of the lead division within clearance, then it is allowed', () => {
    expect(registrationRefusal(staff, draft)).toBeNull();
  });
  it('given another division as lead, then it is refused', () => {
    expect(registrationRefusal(staff, { ...draft, leadDivisionId: 'div-legal' })).toMatch(/本处室/);
  });
  it('given a classification above the registrant, then it is refused', () => {
    expect(registrationRefusal(staff, { ...draft, classification: 'SECRET' })).toMatch(/涉密等级/);
  });
  it('given office leadership, then any lead division is allowed', () => {
    expect(registrationRefusal(director, { ...draft, leadDivisionId: 'div-legal' })).toBeNull();
  });
  it('names every problem of the input at once', () => {
    const problems = draftProblems({
      ...draft,
      title: ' \u200b ',
      coDivisionIds: ['div-research', 'div-legal', 'div-legal'],
      authorStaffIds: [],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        '成果标题不能为空',
        '协办处室有重复',
        '主办处室不能同时是协办处室',
        '至少要有一位作者',
      ]),
    );
  });
  it('refuses authors unknown, departed or without the clearance for it', () => {
    const known = new Map([
      ['a', { active: true, clearance: 'SECRET' as const, officeId: 'o' }],
      ['b', { active: false, clearance: 'SECRET' as const, officeId: 'o' }],
      ['c', { active: true, clearance: 'INTERNAL' as const, officeId: 'o' }],
    ]);
    expect(namedPeopleProblems('CONFIDENTIAL', ['a', 'b', 'c', 'd'], known, 'o')).toEqual([
      '作者 b 不存在',
      '作者 c 的涉密等级低于成果密级',
      '作者 d 不存在',
    ]);
  });
});

describe('revising an achievement', () => {
  const achievement = { divisionIds: ['div-research'], authorStaffIds: ['staff-legal-1'] };
  it('is for its divisions, its authors and leadership', () => {
    expect(revisionRefusal(staff, achievement)).toBeNull();
    expect(
      revisionRefusal({ ...staff, sub: 'staff-legal-1', divisionId: 'div-legal' }, achievement),
    ).toBeNull();
    expect(revisionRefusal(director, achievement)).toBeNull();
    expect(revisionRefusal({ ...staff, divisionId: 'div-legal' }, achievement)).toMatch(/只有/);
  });
  it('needs a note saying what changed', () => {
    expect(revisionProblems({ ...draft, note: '' })).toEqual(['修订说明不能为空']);
  });
});
