import { textProblem } from '@heli/subgraph-runtime';
import { hasRole, isOfficeLeader, type HeliClaims } from '@heli/auth';

/** 设计者 组织者 实践者 推动者: the four parts each division plays in integration. */
export const DUTY_ROLES = ['DESIGNER', 'ORGANISER', 'PRACTITIONER', 'PROMOTER'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

const DUTY_TEXT_MAX = 1000;

type Viewer = Pick<HeliClaims, 'sub' | 'divisionId' | 'roles'>;

/**
 * Office leadership and the coordination body's members (its lead and the division heads on it)
 * see every division's duties; everyone else sees their own division's.
 */
export function canSeeAllDuties(
  viewer: Viewer,
  coordinationBodyPeople: readonly string[],
): boolean {
  return isOfficeLeader(viewer) || coordinationBodyPeople.includes(viewer.sub);
}

/** A division's head keeps its duties; office leadership and administrators keep everyone's. */
export function canMaintainDuties(viewer: Viewer, divisionId: string): boolean {
  if (isOfficeLeader(viewer) || hasRole(viewer, 'ADMIN')) return true;
  return viewer.divisionId === divisionId && hasRole(viewer, 'DIVISION_HEAD');
}

export function dutyProblems(fields: { description: string; standard: string }): string[] {
  return [
    textProblem('职责内容', fields.description, DUTY_TEXT_MAX),
    textProblem('衡量标准', fields.standard, DUTY_TEXT_MAX),
  ].filter((problem) => problem !== null);
}
