import type { HeliClaims } from '@heli/auth';
import { demoStaff } from './staff.js';

/** The token claims a demo staff member would carry after signing in. */
export function claimsForStaff(staffId: string): HeliClaims {
  const staff = demoStaff.find((candidate) => candidate.id === staffId);
  if (!staff) {
    throw new Error(`No demo staff member has the id "${staffId}".`);
  }
  return {
    sub: staff.id,
    name: staff.name,
    divisionId: staff.divisionId,
    officeId: staff.officeId,
    roles: [...staff.roles],
    clearance: staff.clearance,
  };
}
