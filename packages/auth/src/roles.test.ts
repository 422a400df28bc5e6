import { describe, expect, it } from 'vitest';
import { hasRole, isOfficeLeader } from './roles.js';

describe('hasRole', () => {
  it('is true when the person holds any of the roles', () => {
    expect(hasRole({ roles: ['STAFF', 'ASSESSOR'] }, 'ADMIN', 'ASSESSOR')).toBe(true);
  });

  it('is false when the person holds none of them', () => {
    expect(hasRole({ roles: ['STAFF'] }, 'ADMIN', 'DIVISION_HEAD')).toBe(false);
    expect(hasRole({ roles: [] }, 'STAFF')).toBe(false);
  });
});

describe('isOfficeLeader', () => {
  it('recognises office leadership and nobody else', () => {
    expect(isOfficeLeader({ roles: ['OFFICE_LEADER'] })).toBe(true);
    expect(isOfficeLeader({ roles: ['COMMITTEE_LEADER', 'DIVISION_HEAD', 'ADMIN'] })).toBe(false);
  });
});
