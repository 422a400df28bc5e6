import { hasRole, isOfficeLeader } from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';
import type { Viewer } from '../access/visibility.rules.js';
import type { AchievementRecord } from '../achievements/achievement.model.js';
import { MAX_NOTE_LENGTH } from '../records/text-limits.js';
import type { UseRecord, UseStatus } from './use.model.js';

/**
 * Why this person may not record a use of this achievement, or null. A use is recorded by a
 * division, of another division's published achievement: claiming one's own output would score
 * one's own division.
 */
export function claimRefusal(
  viewer: Viewer,
  achievement: Pick<AchievementRecord, 'divisionIds' | 'status'>,
): string | null {
  if (viewer.divisionId === null) return '只有处室可以登记对成果的借鉴、应用或转化';
  if (achievement.divisionIds.includes(viewer.divisionId)) return '不能登记本处室成果的应用';
  if (achievement.status !== 'PUBLISHED') return '成果尚未发布';
  return null;
}

export function claimProblems(input: {
  purpose: string;
  evidence?: { id: string } | null;
}): string[] {
  return [
    textProblem('应用说明', input.purpose, MAX_NOTE_LENGTH),
    input.evidence ? textProblem('佐证材料', input.evidence.id, 200) : null,
  ].filter((problem) => problem !== null);
}

/**
 * Who confirms or disputes a use: the head of the providing division (it is their output whose
 * use is being vouched for) or office leadership.
 */
export function decisionRefusal(
  viewer: Viewer,
  use: Pick<UseRecord, 'providerDivisionId'>,
): string | null {
  if (isOfficeLeader(viewer)) return null;
  if (viewer.divisionId === use.providerDivisionId && hasRole(viewer, 'DIVISION_HEAD')) return null;
  return '只有成果提供处室的负责人可以确认应用或提出异议';
}

/** A use is decided once: a confirmed use stays confirmed, a disputed one stays disputed. */
export function decisionConflict(status: UseStatus): string | null {
  if (status === 'CONFIRMED') return '该应用已确认';
  if (status === 'DISPUTED') return '该应用已提出异议';
  return null;
}

export function disputeProblems(reason: string): string[] {
  const problem = textProblem('异议理由', reason, MAX_NOTE_LENGTH);
  return problem ? [problem] : [];
}
