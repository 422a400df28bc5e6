import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields.js';

describe('changedFields', () => {
  it('lists nothing when the values are equal, arrays compared by content', () => {
    expect(
      changedFields({ name: '信息处', roles: ['STAFF'] }, { name: '信息处', roles: ['STAFF'] }),
    ).toEqual([]);
  });

  it('lists the fields whose values differ', () => {
    expect(
      changedFields(
        { name: '信息处', headId: null as string | null, roles: ['STAFF'] },
        { name: '信息处', headId: 'staff-1', roles: ['STAFF', 'ADMIN'] },
      ),
    ).toEqual(['headId', 'roles']);
  });
});
