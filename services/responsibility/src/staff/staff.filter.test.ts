import { describe, expect, it } from 'vitest';
import { staffListQuery } from './staff.filter.js';

describe('staffListQuery', () => {
  it('lists everyone when nothing narrows it', () => {
    expect(staffListQuery({})).toEqual({});
    expect(staffListQuery({ divisionId: null, role: null, search: '  ', active: null })).toEqual(
      {},
    );
  });

  it('narrows by office, division, role and whether the person is still active', () => {
    expect(
      staffListQuery({ officeId: 'o', divisionId: 'd', role: 'DIVISION_HEAD', active: false }),
    ).toEqual({ officeId: 'o', divisionId: 'd', roles: 'DIVISION_HEAD', active: false });
  });

  it('searches name and title for the text, ignoring case', () => {
    const query = staffListQuery({ search: ' 处长 ' });
    const [byName, byTitle] = query.$or as { name?: RegExp; title?: RegExp }[];
    expect(byName?.name?.test('马处长')).toBe(true);
    expect(byTitle?.title?.test('副处长')).toBe(true);
    expect(byTitle?.title?.test('科员')).toBe(false);
    expect(staffListQuery({ search: 'admin' }).$or?.[0]?.name.test('ADMIN')).toBe(true);
  });

  it('treats regular-expression characters in the search as plain text', () => {
    const query = staffListQuery({ search: '一级主任科员（保密员)' });
    const [, byTitle] = query.$or as { title: RegExp }[];
    expect(byTitle?.title.test('一级主任科员（保密员)')).toBe(true);
    expect(() => staffListQuery({ search: '(' })).not.toThrow();
  });
});
