import { describe, expect, it } from 'vitest';
import {
  distributionRecipientsProblem,
  leaderOptions,
  receiptOrder,
  recipientName,
  tabFrom,
} from './documents';

describe('the 公文与阅知 page', () => {
  it('reads its tab from the URL, the inbox by default or when unknown', () => {
    expect(tabFrom(new URLSearchParams('tab=documents'))).toBe('documents');
    expect(tabFrom(new URLSearchParams('tab=nonsense'))).toBe('inbox');
    expect(tabFrom(new URLSearchParams(''))).toBe('inbox');
  });

  it('names a recipient by person, else by division', () => {
    expect(recipientName({ recipientStaff: { name: '王建国' }, recipientDivision: null })).toBe(
      '王建国',
    );
    expect(recipientName({ recipientStaff: null, recipientDivision: { name: '综合一处' } })).toBe(
      '综合一处',
    );
  });

  it('lists who has not read first, the overdue before the rest', () => {
    const rows = [
      { status: 'READ', name: 'a' },
      { status: 'UNREAD', name: 'b' },
      { status: 'OVERDUE', name: 'c' },
    ];
    expect(receiptOrder(rows).map((row) => row.status)).toEqual(['OVERDUE', 'UNREAD', 'READ']);
  });
});

describe('picking the recipients of a distribution', () => {
  const secretary = { id: 'staff-party-secretary', name: '王书记', title: '市委书记' };
  const director = { id: 'staff-director', name: '李主任', title: '主任' };

  it('groups leaders as 市委领导 then 厅领导, each person once', () => {
    expect(leaderOptions([secretary], [director, secretary])).toEqual([
      { label: '市委领导', options: [{ value: secretary.id, label: '王书记（市委书记）' }] },
      { label: '厅领导', options: [{ value: director.id, label: '李主任（主任）' }] },
    ]);
  });

  it('leaves out a group with nobody in it', () => {
    expect(leaderOptions([], [{ ...director, title: '' }])).toEqual([
      { label: '厅领导', options: [{ value: director.id, label: '李主任' }] },
    ]);
  });

  it('needs at least one leader or division', () => {
    expect(distributionRecipientsProblem({ staffIds: [], divisionIds: [] })).toBe(
      '请至少选择一位领导或一个处室',
    );
    expect(distributionRecipientsProblem({ staffIds: [director.id] })).toBeNull();
    expect(distributionRecipientsProblem({ divisionIds: ['div-research'] })).toBeNull();
  });
});
