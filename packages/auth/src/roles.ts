import { z } from 'zod';

/**
 * What a person may do in Heli. COMMITTEE_LEADER: 市委领导; OFFICE_LEADER: 厅领导 (主任,
 * 常务副主任); DIVISION_HEAD: 处长; STAFF: 工作人员; ASSESSOR: 考核; SECURITY_OFFICER: keeps
 * classifications and clearances; ADMIN: maintains the organisation; ANALYST: ad-hoc queries;
 * LIAISON: acts for a higher, lower or partner office.
 */
export const ROLES = [
  'COMMITTEE_LEADER',
  'OFFICE_LEADER',
  'DIVISION_HEAD',
  'STAFF',
  'ASSESSOR',
  'SECURITY_OFFICER',
  'ADMIN',
  'ANALYST',
  'LIAISON',
] as const;

export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

/** Whether the person holds at least one of `roles`. */
export function hasRole(claims: { roles: readonly Role[] }, ...roles: Role[]): boolean {
  return roles.some((role) => claims.roles.includes(role));
}

/** Office leadership (主任, 常务副主任): leads the coordination body and resolves difficulties. */
export function isOfficeLeader(claims: { roles: readonly Role[] }): boolean {
  return hasRole(claims, 'OFFICE_LEADER');
}
