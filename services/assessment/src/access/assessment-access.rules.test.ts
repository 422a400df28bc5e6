import type { Role } from '@heli/auth';
import { describe, expect, it } from 'vitest';
import {
  canManageAssessment,
  canSeeAllScoreDetails,
  canSeeScoresOf,
  mayAssessDivision,
} from './assessment-access.rules.js';

const viewer = (roles: Role[], divisionId: string | null = 'div-a') => ({ roles, divisionId });

describe('assessment access', () => {
  it('lets assessors and office leadership manage rules, inspections and publishing', () => {
    expect(canManageAssessment(viewer(['STAFF', 'ASSESSOR']))).toBe(true);
    expect(canManageAssessment(viewer(['OFFICE_LEADER']))).toBe(true);
    expect(canManageAssessment(viewer(['DIVISION_HEAD', 'ANALYST']))).toBe(false);
  });

  it('shows a division its own scores and nobody else’s', () => {
    expect(canSeeScoresOf(viewer(['STAFF']), 'div-a')).toBe(true);
    expect(canSeeScoresOf(viewer(['DIVISION_HEAD']), 'div-b')).toBe(false);
    expect(canSeeScoresOf(viewer(['STAFF'], null), 'div-a')).toBe(false);
  });

  it('shows every score and the leaderboard to analysts, leadership and assessors', () => {
    for (const role of ['ANALYST', 'OFFICE_LEADER', 'COMMITTEE_LEADER', 'ASSESSOR'] as const) {
      expect(canSeeAllScoreDetails(viewer([role]))).toBe(true);
      expect(canSeeScoresOf(viewer([role], null), 'div-b')).toBe(true);
    }
    expect(canSeeAllScoreDetails(viewer(['STAFF', 'DIVISION_HEAD']))).toBe(false);
  });

  it('lets an assessor assess every division but their own; leadership has none of its own', () => {
    expect(mayAssessDivision(viewer(['ASSESSOR'], 'div-supervision'), 'div-general-1')).toBe(true);
    expect(mayAssessDivision(viewer(['ASSESSOR'], 'div-supervision'), 'div-supervision')).toBe(
      false,
    );
    expect(mayAssessDivision(viewer(['OFFICE_LEADER'], null), 'div-supervision')).toBe(true);
  });
});
