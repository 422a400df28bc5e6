import { canRead, CLASSIFICATIONS, hasRole, isOfficeLeader } from '@heli/auth';
import type { FilterQuery } from 'mongoose';
import {
  assignmentVisibilityFilter,
  type AssignmentViewer,
} from '../assignments/assignment-visibility.rules.js';
import type { AssignmentStatus } from '../assignments/assignment-lifecycle.rules.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import { chinaMonthOf } from '../clock/china-time.js';

/**
 * What a viewer's figures count. Analysts (and office leadership) read aggregates across the
 * office — every matter within their clearance — while what each matter is stays behind the
 * ordinary visibility rule; everybody else counts only the matters they may open.
 */
export function aggregateVisibilityFilter(viewer: AssignmentViewer): FilterQuery<AssignmentRecord> {
  if (!isOfficeLeader(viewer) && !hasRole(viewer, 'ANALYST')) {
    return assignmentVisibilityFilter(viewer);
  }
  return {
    classification: { $in: CLASSIFICATIONS.filter((level) => canRead(viewer.clearance, level)) },
  };
}

export type CountedMatter = Pick<
  AssignmentRecord,
  'leadDivisionId' | 'status' | 'createdAt' | 'completedAt' | 'completedOnTime'
>;

export interface MatterCount {
  divisionId: string;
  status: AssignmentStatus;
  month: string;
  count: number;
}

export interface OnTimeRate {
  divisionId: string;
  month: string;
  completedOnTime: number;
  completedLate: number;
  rate: number;
}

const byKeys = <T extends { divisionId: string; month: string }>(a: T, b: T) =>
  a.divisionId.localeCompare(b.divisionId) || a.month.localeCompare(b.month);

/** Counts by lead division × status × month created (China time), in division and month order. */
export function mattersByDivisionStatusMonth(matters: readonly CountedMatter[]): MatterCount[] {
  const counts = new Map<string, MatterCount>();
  for (const matter of matters) {
    const month = chinaMonthOf(matter.createdAt);
    const key = `${matter.leadDivisionId}|${matter.status}|${month}`;
    const found = counts.get(key);
    if (found) found.count += 1;
    else
      counts.set(key, {
        divisionId: matter.leadDivisionId,
        status: matter.status,
        month,
        count: 1,
      });
  }
  return [...counts.values()].sort((a, b) => byKeys(a, b) || a.status.localeCompare(b.status));
}

/** Completed matters by lead division × month completed, with the share completed on time. */
export function onTimeRates(matters: readonly CountedMatter[], year: number): OnTimeRate[] {
  const rates = new Map<string, OnTimeRate>();
  for (const matter of matters) {
    if (matter.completedAt === null || matter.completedOnTime === null) continue;
    const month = chinaMonthOf(matter.completedAt);
    if (!month.startsWith(`${year}-`)) continue;
    const key = `${matter.leadDivisionId}|${month}`;
    const rate = rates.get(key) ?? {
      divisionId: matter.leadDivisionId,
      month,
      completedOnTime: 0,
      completedLate: 0,
      rate: 0,
    };
    if (matter.completedOnTime) rate.completedOnTime += 1;
    else rate.completedLate += 1;
    rate.rate =
      Math.round((rate.completedOnTime / (rate.completedOnTime + rate.completedLate)) * 10_000) /
      10_000;
    rates.set(key, rate);
  }
  return [...rates.values()].sort(byKeys);
}
