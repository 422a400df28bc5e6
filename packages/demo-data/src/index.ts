export type {
  DemoCoordinationBody,
  DemoDivision,
  DemoDivisionKind,
  DemoOffice,
  DemoOfficeKind,
  DemoStaff,
} from './types.js';
export { demoOffices, OWN_OFFICE_ID, PROVINCIAL_OFFICE_ID } from './offices.js';
export { demoDivisions } from './divisions.js';
export { demoStaff } from './staff.js';
export { demoCoordinationBody } from './coordination-body.js';
export { demoUsers, type DemoUser } from './users.js';
export { claimsForStaff } from './claims.js';
export { demoUserDirectory, type DemoUserEntry } from './user-directory.js';
