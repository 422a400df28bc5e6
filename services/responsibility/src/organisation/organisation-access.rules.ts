import { hasRole, isOfficeLeader, type HeliClaims } from '@heli/auth';

type Viewer = Pick<HeliClaims, 'roles'>;

/** Offices, divisions and staff are kept by administrators only. */
export function canMaintainOrganisation(viewer: Viewer): boolean {
  return hasRole(viewer, 'ADMIN');
}

/** Office leadership runs the coordination body, so it may also change who sits on it. */
export function canMaintainCoordinationBody(viewer: Viewer): boolean {
  return canMaintainOrganisation(viewer) || isOfficeLeader(viewer);
}
