import type { AssessmentContext } from '../context.js';
import { totalsKey } from '../loaders.js';
import { formatPeriod, parsePeriod } from '../periods/period.js';
import type { DivisionTotals } from './score-totals.js';

/** A division's score as resolvers pass it on: the totals and the period they are for. */
export interface DivisionScoreView extends DivisionTotals {
  period: string;
}

/** A leaderboard row as resolvers pass it on: its division's score is loaded when asked for. */
export interface LeaderboardRowView {
  rank: number;
  points: number;
  divisionId: string;
  period: string;
}

/** Through the per-request loader, so a leaderboard's scores are one aggregation. */
export async function loadDivisionScore(
  ctx: AssessmentContext,
  divisionId: string,
  periodText: string,
): Promise<DivisionScoreView> {
  const period = formatPeriod(parsePeriod(periodText));
  const totals = await ctx.loaders.divisionTotals.load(totalsKey(period, divisionId));
  return { ...totals, period };
}
