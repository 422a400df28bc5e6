import type { PipelineStage } from 'mongoose';
import { OPEN_STATUSES, WORK_OWED_STATUSES } from '../assignments/assignment-lifecycle.rules.js';
import type { DivisionRecord } from '../divisions/divisions.model.js';

/** A division's matters in figures (督办看板). */
export interface AssignmentFigures {
  open: number;
  dueThisWeek: number;
  overdue: number;
  completedOnTime: number;
  completedLate: number;
  onTimeRate: number | null;
}

export type FigureCounts = Omit<AssignmentFigures, 'onTimeRate'>;

/** A row of the board as the query builds it; its fields resolve from the counts. */
export interface BoardRow {
  division: DivisionRecord;
  counts: FigureCounts;
}

export const NO_MATTERS: FigureCounts = {
  open: 0,
  dueThisWeek: 0,
  overdue: 0,
  completedOnTime: 0,
  completedLate: 0,
};

/** The share of completed matters completed on time, to 4 decimals; null before any is completed. */
export function onTimeRate({ completedOnTime, completedLate }: FigureCounts): number | null {
  const completed = completedOnTime + completedLate;
  return completed === 0 ? null : Math.round((completedOnTime / completed) * 10_000) / 10_000;
}

export function withRate(counts: FigureCounts): AssignmentFigures {
  return { ...counts, onTimeRate: onTimeRate(counts) };
}

export function sumFigures(all: readonly FigureCounts[]): FigureCounts {
  return all.reduce<FigureCounts>(
    (sum, counts) => ({
      open: sum.open + counts.open,
      dueThisWeek: sum.dueThisWeek + counts.dueThisWeek,
      overdue: sum.overdue + counts.overdue,
      completedOnTime: sum.completedOnTime + counts.completedOnTime,
      completedLate: sum.completedLate + counts.completedLate,
    }),
    NO_MATTERS,
  );
}

const count = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } });

/**
 * The aggregation that counts, per lead division, the matters `match` lets through (the viewer's
 * visibility joined in by the caller): one pass over the matters for the whole board.
 * Overdue and due-this-week count matters where work is still owed, like `isOverdue`.
 */
export function figuresPipeline(
  match: Record<string, unknown>,
  now: Date,
  weekEnd: Date,
): PipelineStage[] {
  const owed = { $in: ['$status', [...WORK_OWED_STATUSES]] };
  const completed = { $eq: ['$status', 'COMPLETED'] };
  return [
    { $match: match },
    {
      $group: {
        _id: '$leadDivisionId',
        open: count({ $in: ['$status', [...OPEN_STATUSES]] }),
        dueThisWeek: count({
          $and: [owed, { $gte: ['$deadline', now] }, { $lt: ['$deadline', weekEnd] }],
        }),
        overdue: count({ $and: [owed, { $lt: ['$deadline', now] }] }),
        completedOnTime: count({ $and: [completed, { $eq: ['$completedOnTime', true] }] }),
        completedLate: count({ $and: [completed, { $eq: ['$completedOnTime', false] }] }),
      },
    },
  ];
}
