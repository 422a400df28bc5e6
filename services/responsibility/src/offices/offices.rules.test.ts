import { describe, expect, it } from 'vitest';
import {
  applyOfficePatch,
  isSecondOwnOffice,
  normalizeOfficeFields,
  officeFieldProblems,
  ownOfficeKindChangeProblem,
  parentCycle,
  type OfficeFields,
} from './offices.rules.js';

const district: OfficeFields = {
  name: '中共哈尔滨市道里区委办公室',
  shortName: '道里区委办公室',
  kind: 'LOWER',
  parentId: 'office-harbin',
};

describe('officeFieldProblems', () => {
  it('accepts a well-formed office', () => {
    expect(officeFieldProblems('office-daoli', district)).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(
      officeFieldProblems('office-daoli', {
        ...district,
        name: ' ',
        shortName: '',
        parentId: 'office-daoli',
      }),
    ).toEqual(['单位名称不能为空', '单位简称不能为空', '上级单位不能是本单位自己']);
  });

  it('rejects names longer than the limit', () => {
    expect(officeFieldProblems('office-x', { ...district, name: '办'.repeat(61) })).toEqual([
      '单位名称不能超过 60 个字',
    ]);
  });
});

describe('normalizeOfficeFields', () => {
  it('trims the names', () => {
    expect(
      normalizeOfficeFields({ ...district, name: ' 南岗 ', shortName: ' 南岗区 ' }),
    ).toMatchObject({ name: '南岗', shortName: '南岗区' });
  });
});

describe('parentCycle', () => {
  const parentOf = new Map<string, string | null>([
    ['office-province', null],
    ['office-harbin', 'office-province'],
    ['office-daoli', 'office-harbin'],
  ]);

  it('finds no loop when the new parent lies elsewhere in the tree', () => {
    expect(parentCycle('office-daoli', 'office-province', parentOf)).toBeNull();
    expect(parentCycle('office-new', 'office-daoli', parentOf)).toBeNull();
    expect(parentCycle('office-daoli', null, parentOf)).toBeNull();
  });

  it('finds the loop when an office would sit below its own descendant', () => {
    expect(parentCycle('office-province', 'office-daoli', parentOf)).toEqual([
      'office-province',
      'office-daoli',
      'office-harbin',
      'office-province',
    ]);
  });

  it('terminates on a loop already in the data that does not involve the office', () => {
    const corrupt = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(parentCycle('office-new', 'a', corrupt)).toBeNull();
  });
});

describe('own office', () => {
  it('keeps the own office of kind OWN', () => {
    expect(ownOfficeKindChangeProblem('OWN', 'PARTNER')).toBe('本级办公厅的类型不能更改');
    expect(ownOfficeKindChangeProblem('OWN', 'OWN')).toBeNull();
    expect(ownOfficeKindChangeProblem('LOWER', 'PARTNER')).toBeNull();
  });

  it('allows one own office only', () => {
    expect(isSecondOwnOffice('office-new', 'OWN', 'office-harbin')).toBe(true);
    expect(isSecondOwnOffice('office-harbin', 'OWN', 'office-harbin')).toBe(false);
    expect(isSecondOwnOffice('office-new', 'OWN', null)).toBe(false);
    expect(isSecondOwnOffice('office-new', 'LOWER', 'office-harbin')).toBe(false);
  });
});

describe('applyOfficePatch', () => {
  it('keeps the fields the patch leaves out', () => {
    expect(applyOfficePatch(district, { shortName: '道里区委办' })).toEqual({
      ...district,
      shortName: '道里区委办',
    });
  });

  it('removes the parent on an explicit null, but never a required field', () => {
    expect(applyOfficePatch(district, { parentId: null, name: null })).toEqual({
      ...district,
      parentId: null,
    });
  });
});
