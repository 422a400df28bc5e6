import { describe, expect, it } from 'vitest';
import {
  assignmentVisibilityFilter,
  type AssignmentViewer,
} from './assignment-visibility.rules.js';

const staff: AssignmentViewer = {
  sub: 'staff-legal-1',
  divisionId: 'div-legal',
  roles: ['STAFF'],
  clearance: 'INTERNAL',
};

describe('assignmentVisibilityFilter', () => {
  it('gives office leadership every matter within its clearance', () => {
    expect(
      assignmentVisibilityFilter({
        ...staff,
        divisionId: null,
        roles: ['OFFICE_LEADER'],
        clearance: 'SECRET',
      }),
    ).toEqual({ classification: { $in: ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SECRET'] } });
  });

  it("gives staff their division's matters, lead or co-organised, and those assigned to or by them", () => {
    expect(assignmentVisibilityFilter(staff)).toEqual({
      classification: { $in: ['PUBLIC', 'INTERNAL'] },
      $or: [
        { leadDivisionId: 'div-legal' },
        { coDivisionIds: 'div-legal' },
        { responsibleStaffIds: 'staff-legal-1' },
        { assignedByStaffId: 'staff-legal-1' },
      ],
    });
  });

  it('gives people outside any division only what they are responsible for or assigned', () => {
    expect(
      assignmentVisibilityFilter({
        sub: 'staff-party-secretary',
        divisionId: null,
        roles: ['COMMITTEE_LEADER'],
        clearance: 'TOP_SECRET',
      }),
    ).toEqual({
      classification: { $in: ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET'] },
      $or: [
        { responsibleStaffIds: 'staff-party-secretary' },
        { assignedByStaffId: 'staff-party-secretary' },
      ],
    });
  });

  it('limits a division head to their division, like their staff, whatever else they hold', () => {
    const filter = assignmentVisibilityFilter({
      ...staff,
      roles: ['DIVISION_HEAD', 'ASSESSOR'],
      clearance: 'PUBLIC',
    });
    expect(filter.classification).toEqual({ $in: ['PUBLIC'] });
    expect(filter.$or).toContainEqual({ leadDivisionId: 'div-legal' });
    expect(filter.$or).toHaveLength(4);
  });
});
