import { describe, expect, it } from 'vitest';
import { receiptOrder, recipientName, tabFrom } from './documents';

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
