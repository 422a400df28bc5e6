import { describe, expect, it } from 'vitest';
import {
  claimsForStaff,
  demoCoordinationBody,
  demoDivisions,
  demoOffices,
  demoStaff,
  demoUsers,
  OWN_OFFICE_ID,
} from './index.js';

const duplicates = (values: readonly string[]) =>
  values.filter((value, index) => values.indexOf(value) !== index);

describe('the demo organisation', () => {
  it('has unique ids across offices, divisions and staff', () => {
    const ids = [...demoOffices, ...demoDivisions, ...demoStaff].map((record) => record.id);
    expect(duplicates(ids)).toEqual([]);
  });

  it('has exactly one own office and unique office names', () => {
    expect(demoOffices.filter((office) => office.kind === 'OWN').map((o) => o.id)).toEqual([
      OWN_OFFICE_ID,
    ]);
    expect(duplicates(demoOffices.map((office) => office.name))).toEqual([]);
  });

  it('has an office of every kind', () => {
    const kinds = new Set(demoOffices.map((office) => office.kind));
    expect([...kinds].sort()).toEqual(['EXTERNAL', 'HIGHER', 'LOWER', 'OWN', 'PARTNER']);
  });

  it('points every office parent at a demo office', () => {
    const officeIds = new Set(demoOffices.map((office) => office.id));
    const dangling = demoOffices.filter((o) => o.parentId !== null && !officeIds.has(o.parentId));
    expect(dangling).toEqual([]);
  });

  it('has 8 to 10 divisions with one secretariat and unique names', () => {
    expect(demoDivisions.length).toBeGreaterThanOrEqual(8);
    expect(demoDivisions.length).toBeLessThanOrEqual(10);
    expect(demoDivisions.filter((d) => d.kind === 'SECRETARIAT').map((d) => d.name)).toEqual([
      '秘书处',
    ]);
    expect(duplicates(demoDivisions.map((division) => division.name))).toEqual([]);
  });

  it('heads every division with a division head who works in it', () => {
    for (const division of demoDivisions) {
      const head = demoStaff.find((staff) => staff.id === division.headId);
      expect(head, division.name).toMatchObject({
        divisionId: division.id,
        officeId: division.officeId,
      });
      expect(head?.roles, division.name).toContain('DIVISION_HEAD');
    }
  });

  it('has at least 40 staff, each in an existing division of their own office', () => {
    expect(demoStaff.length).toBeGreaterThanOrEqual(40);
    const officeIds = new Set(demoOffices.map((office) => office.id));
    for (const staff of demoStaff) {
      expect(officeIds.has(staff.officeId), staff.id).toBe(true);
      expect(staff.roles.length, staff.id).toBeGreaterThan(0);
      if (staff.divisionId !== null) {
        const division = demoDivisions.find((candidate) => candidate.id === staff.divisionId);
        expect(division?.officeId, staff.id).toBe(staff.officeId);
      }
    }
  });

  it('staffs every role the platform knows about', () => {
    const roles = new Set(demoStaff.flatMap((staff) => staff.roles));
    expect([...roles].sort()).toEqual([
      'ADMIN',
      'ANALYST',
      'ASSESSOR',
      'COMMITTEE_LEADER',
      'DIVISION_HEAD',
      'LIAISON',
      'OFFICE_LEADER',
      'SECURITY_OFFICER',
      'STAFF',
    ]);
  });

  it('lets the executive deputy director lead the coordination body of division heads', () => {
    const lead = demoStaff.find((staff) => staff.id === demoCoordinationBody.leadId);
    expect(lead).toMatchObject({ title: '办公厅常务副主任', roles: ['OFFICE_LEADER'] });
    expect([...demoCoordinationBody.memberIds].sort()).toEqual(
      demoDivisions.map((division) => division.headId).sort(),
    );
  });
});

describe('demo users', () => {
  it('point at existing staff', () => {
    const staffIds = new Set(demoStaff.map((staff) => staff.id));
    const dangling = Object.entries(demoUsers).filter(([, staffId]) => !staffIds.has(staffId));
    expect(dangling).toEqual([]);
  });
});

describe('claimsForStaff', () => {
  it('given a demo staff id, returns the claims of that person', () => {
    expect(claimsForStaff(demoUsers.admin)).toEqual({
      sub: 'staff-information-admin',
      name: '程立伟',
      divisionId: 'div-information',
      officeId: OWN_OFFICE_ID,
      roles: ['STAFF', 'ADMIN'],
      clearance: 'CONFIDENTIAL',
    });
  });

  it('given a leader outside any division, returns a null division', () => {
    expect(claimsForStaff(demoUsers.director)).toMatchObject({
      divisionId: null,
      roles: ['OFFICE_LEADER'],
      clearance: 'TOP_SECRET',
    });
  });

  it('returns a copy of the roles so callers cannot change the demo data', () => {
    claimsForStaff(demoUsers.admin).roles.push('OFFICE_LEADER');
    expect(claimsForStaff(demoUsers.admin).roles).toEqual(['STAFF', 'ADMIN']);
  });

  it('given the demo organisation run as the Daoli office, its own people carry that office, the others keep theirs', () => {
    expect(claimsForStaff(demoUsers.director, 'office-daoli').officeId).toBe('office-daoli');
    expect(claimsForStaff('staff-province-liaison', 'office-daoli').officeId).toBe(
      'office-heilongjiang',
    );
  });

  it('given an unknown id, says which id it does not know', () => {
    expect(() => claimsForStaff('staff-nobody')).toThrow('staff-nobody');
  });
});
