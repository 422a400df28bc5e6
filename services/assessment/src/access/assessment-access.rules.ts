import { hasRole, type HeliClaims } from '@heli/auth';

type Viewer = Pick<HeliClaims, 'roles' | 'divisionId'>;

/** Assessors (考核) and office leadership keep the rules, run inspections and publish. */
export function canManageAssessment(viewer: Viewer): boolean {
  return hasRole(viewer, 'ASSESSOR', 'OFFICE_LEADER');
}

/**
 * The entries behind every division's score: analysts, leadership, and those who assess. (Ranks
 * and totals are for everybody.)
 */
export function canSeeAllScoreDetails(viewer: Viewer): boolean {
  return hasRole(viewer, 'ANALYST', 'OFFICE_LEADER', 'COMMITTEE_LEADER', 'ASSESSOR');
}

/** A division sees its own scores; whoever sees the leaderboard sees every division's. */
export function canSeeScoresOf(viewer: Viewer, divisionId: string): boolean {
  return viewer.divisionId === divisionId || canSeeAllScoreDetails(viewer);
}

/** Nobody assesses their own division: an assessor of 督查室 neither inspects nor scores 督查室. */
export function mayAssessDivision(viewer: Pick<Viewer, 'divisionId'>, divisionId: string): boolean {
  return viewer.divisionId !== divisionId;
}
