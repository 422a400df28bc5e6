import { describe, expect, it } from 'vitest';
import {
  canAssign,
  canSplit,
  canSupervise,
  canTakeAction,
  canClassify,
} from './assignment-permissions.rules.js';

const matter = {
  parentId: null,
  leadDivisionId: 'div-general-1',
  responsibleStaffIds: ['staff-general-1-1'],
  assignedByStaffId: 'staff-executive-deputy',
};
const leader = { sub: 'staff-director', divisionId: null, roles: ['OFFICE_LEADER' as const] };
const head = {
  sub: 'staff-general-1-head',
  divisionId: 'div-general-1',
  roles: ['DIVISION_HEAD' as const],
};
const responsible = {
  sub: 'staff-general-1-1',
  divisionId: 'div-general-1',
  roles: ['STAFF' as const],
};
const colleague = {
  sub: 'staff-general-1-2',
  divisionId: 'div-general-1',
  roles: ['STAFF' as const],
};
const otherHead = {
  sub: 'staff-legal-head',
  divisionId: 'div-legal',
  roles: ['DIVISION_HEAD' as const],
};

describe('assignment permissions', () => {
  it('lets only office leadership assign', () => {
    expect(canAssign(leader)).toBe(true);
    expect(canAssign(head)).toBe(false);
  });

  it('lets the lead head and responsible staff accept, report and submit — nobody else', () => {
    for (const action of ['ACCEPT', 'REPORT_PROGRESS', 'SUBMIT_RESULT'] as const) {
      expect(canTakeAction(head, matter, action)).toBe(true);
      expect(canTakeAction(responsible, matter, action)).toBe(true);
      expect(canTakeAction(colleague, matter, action)).toBe(false);
      expect(canTakeAction(otherHead, matter, action)).toBe(false);
      expect(canTakeAction(leader, matter, action)).toBe(false);
    }
  });

  it('lets the assigner and office leadership complete, return, cancel and remind', () => {
    const assigner = { sub: 'staff-executive-deputy', divisionId: null, roles: [] };
    for (const action of ['COMPLETE', 'RETURN', 'CANCEL'] as const) {
      expect(canTakeAction(assigner, matter, action)).toBe(true);
      expect(canTakeAction(leader, matter, action)).toBe(true);
      expect(canTakeAction(head, matter, action)).toBe(false);
    }
    expect(canSupervise(assigner, matter)).toBe(true);
    expect(canSupervise(responsible, matter)).toBe(false);
  });

  it('lets the lead head split a top-level matter, never a sub-matter', () => {
    expect(canSplit(head, matter)).toBe(true);
    expect(canSplit(otherHead, matter)).toBe(false);
    expect(canSplit(head, { ...matter, parentId: 'assignment-1' })).toBe(false);
  });
});

describe('canClassify', () => {
  it('lets a person classify a matter up to their own clearance, not above', () => {
    expect(canClassify({ clearance: 'SECRET' }, 'SECRET')).toBe(true);
    expect(canClassify({ clearance: 'SECRET' }, 'INTERNAL')).toBe(true);
    expect(canClassify({ clearance: 'SECRET' }, 'TOP_SECRET')).toBe(false);
  });
});
