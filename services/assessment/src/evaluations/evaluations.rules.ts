import { formatPeriod, fractionOfYear, periodStart, type Period } from '../periods/period.js';
import type { GradeThresholds } from '../scoring-rules/scoring-rule.js';

export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  EXCELLENT: '优秀',
  GOOD: '良好',
  PASS: '合格',
  FAIL: '不合格',
};

/**
 * The grade for a total. Thresholds are set for a whole year; a quarter or a month is held to
 * its share of them, so a division is not graded 不合格 in January for not having a year's points.
 */
export function gradeFor(total: number, thresholds: GradeThresholds, period: Period): Grade {
  const share = fractionOfYear(period);
  if (total >= thresholds.excellent * share) return 'EXCELLENT';
  if (total >= thresholds.good * share) return 'GOOD';
  if (total >= thresholds.pass * share) return 'PASS';
  return 'FAIL';
}

export interface RankedTotal {
  divisionId: string;
  total: number;
  rank: number;
}

/**
 * Competition ranking (1, 2, 2, 4): equal totals share a rank. Ties are listed by division id so
 * the leaderboard reads the same on every request.
 */
export function rankTotals(totals: ReadonlyMap<string, number>): RankedTotal[] {
  const ordered = [...totals.entries()].sort(
    ([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : idA > idB ? 1 : 0),
  );
  const ranked: RankedTotal[] = [];
  ordered.forEach(([divisionId, total], index) => {
    const previous = ranked[index - 1];
    const rank = previous && previous.total === total ? previous.rank : index + 1;
    ranked.push({ divisionId, total, rank });
  });
  return ranked;
}

/**
 * A division's place in a ranking. One that nobody announced and nothing scored yet stands with
 * 0 points: after every division above 0, level with the others at 0.
 */
export function rankAmong(
  ranking: readonly RankedTotal[],
  divisionId: string,
): { rank: number; rankedDivisions: number } {
  const found = ranking.find((row) => row.divisionId === divisionId);
  if (found) return { rank: found.rank, rankedDivisions: ranking.length };
  return {
    rank: ranking.filter((row) => row.total > 0).length + 1,
    rankedDivisions: ranking.length + 1,
  };
}

/** Why a period's evaluations cannot be published now, or null: one not begun has nothing to grade. */
export function publishPeriodProblem(period: Period, now: Date): string | null {
  return periodStart(period).getTime() > now.getTime()
    ? `考核期间 ${formatPeriod(period)} 尚未开始，不能发布考评`
    : null;
}
