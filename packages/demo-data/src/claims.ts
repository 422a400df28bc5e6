import type { HeliClaims } from '@heli/auth';
import { OWN_OFFICE_ID } from './offices.js';
import { demoStaff } from './staff.js';

/**
 * The token claims a demo staff member would carry after signing in. `asOffice`: the demo
 * organisation run as another office's Heli (`pnpm start:offices`), whose own people carry that
 * office's id; people of other offices keep theirs.
 */
export function claimsForStaff(staffId: string, asOffice?: string): HeliClaims {
  const staff = demoStaff.find((candidate) => candidate.id === staffId);
  if (!staff) {
    throw new Error(`No demo staff member has the id "${staffId}".`);
  }
  return {
    sub: staff.id,
    name: staff.name,
    divisionId: staff.divisionId,
    officeId:
      asOffice !== undefined && staff.officeId === OWN_OFFICE_ID ? asOffice : staff.officeId,
    roles: [...staff.roles],
    clearance: staff.clearance,
  };
}
