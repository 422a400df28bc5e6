import { describe, expect, it } from 'vitest';
import {
  applyDivisionPatch,
  divisionFieldProblems,
  headProblem,
  isSecondSecretariat,
  normalizeDivisionFields,
} from './divisions.rules.js';

describe('divisionFieldProblems', () => {
  it('accepts a named division', () => {
    expect(divisionFieldProblems({ name: '综合一处', kind: 'DIVISION', headId: null })).toEqual([]);
  });

  it('requires a name', () => {
    expect(divisionFieldProblems({ name: '', kind: 'DIVISION', headId: null })).toEqual([
      '处室名称不能为空',
    ]);
  });

  it('trims the name', () => {
    expect(normalizeDivisionFields({ name: ' 信息处 ', kind: 'DIVISION', headId: null }).name).toBe(
      '信息处',
    );
  });
});

describe('headProblem', () => {
  it('allows no head', () => {
    expect(headProblem('div-1', null, null)).toBeNull();
  });

  it('allows a member of the division', () => {
    expect(headProblem('div-1', 'staff-1', { name: '高振宇', divisionId: 'div-1' })).toBeNull();
  });

  it('names a head that does not exist', () => {
    expect(headProblem('div-1', 'staff-404', null)).toBe('找不到人员“staff-404”');
  });

  it('refuses someone from another division or from outside any division', () => {
    expect(headProblem('div-1', 'staff-2', { name: '韩卫东', divisionId: 'div-2' })).toBe(
      '韩卫东不是本处室人员，不能担任处室负责人',
    );
    expect(headProblem('div-1', 'staff-3', { name: '王建国', divisionId: null })).toBe(
      '王建国不是本处室人员，不能担任处室负责人',
    );
  });
});

describe('isSecondSecretariat', () => {
  it('refuses a second secretariat in the office', () => {
    expect(isSecondSecretariat('div-new', 'SECRETARIAT', 'div-secretariat')).toBe(true);
  });

  it('allows the first secretariat, the existing one itself, and ordinary divisions', () => {
    expect(isSecondSecretariat('div-new', 'SECRETARIAT', null)).toBe(false);
    expect(isSecondSecretariat('div-secretariat', 'SECRETARIAT', 'div-secretariat')).toBe(false);
    expect(isSecondSecretariat('div-new', 'DIVISION', 'div-secretariat')).toBe(false);
  });
});

describe('applyDivisionPatch', () => {
  const division = { name: '综合一处', kind: 'DIVISION' as const, headId: 'staff-1' };

  it('keeps the fields the patch leaves out', () => {
    expect(applyDivisionPatch(division, { name: '综合处' })).toEqual({
      ...division,
      name: '综合处',
    });
  });

  it('removes the head on an explicit null, but never a required field', () => {
    expect(applyDivisionPatch(division, { headId: null, kind: null })).toEqual({
      ...division,
      headId: null,
    });
  });
});
