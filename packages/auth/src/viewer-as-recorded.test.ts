import { describe, expect, it } from 'vitest';
import type { HeliClaims } from './claims.js';
import { viewerAsRecorded } from './viewer-as-recorded.js';

const viewer: HeliClaims = {
  sub: 'staff-general-1-1',
  name: '王敏',
  divisionId: 'div-general-1',
  officeId: 'office-harbin',
  roles: ['STAFF', 'ASSESSOR'],
  clearance: 'SECRET',
};

describe('viewerAsRecorded', () => {
  it('refuses a person the directory records as no longer active', () => {
    expect(viewerAsRecorded(viewer, { active: false, clearance: 'SECRET' })).toBeNull();
  });

  it('lowers the clearance to what the directory records now', () => {
    expect(viewerAsRecorded(viewer, { active: true, clearance: 'INTERNAL' })?.clearance).toBe(
      'INTERNAL',
    );
  });

  it('never raises clearance or adds roles beyond the token', () => {
    const narrowed = viewerAsRecorded(viewer, {
      active: true,
      clearance: 'TOP_SECRET',
      roles: ['STAFF', 'ADMIN'],
    });
    expect(narrowed).toEqual({ ...viewer, roles: ['STAFF'] });
  });

  it('keeps the token as it is for a person the directory does not know yet', () => {
    expect(viewerAsRecorded(viewer, null)).toBe(viewer);
  });
});
