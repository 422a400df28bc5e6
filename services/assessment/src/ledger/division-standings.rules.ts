import { rankTotals } from '../evaluations/evaluations.rules.js';
import { formatPeriod, periodContaining } from '../periods/period.js';
import { SCORE_CATEGORIES, type ScoreCategory } from '../scoring-rules/scoring-rule.js';
import type { ScoreEntryRecord } from './ledger.model.js';
import { roundPoints } from './score-event.rules.js';

/** What a set of new ledger entries adds to one division's standing in one period. */
export interface StandingChange {
  period: string;
  divisionId: string;
  total: number;
  points: Partial<Record<ScoreCategory, number>>;
}

/**
 * The changes new entries make to the standings: every entry counts in its year, quarter and
 * month. Entries of 0 points still name their division, so it gets a standing (and a rank).
 */
export function standingChanges(
  entries: readonly Pick<
    ScoreEntryRecord,
    'divisionId' | 'category' | 'points' | 'year' | 'quarter' | 'month'
  >[],
): StandingChange[] {
  const changes = new Map<string, StandingChange>();
  for (const entry of entries) {
    for (const kind of ['YEAR', 'QUARTER', 'MONTH'] as const) {
      const period = formatPeriod(periodContaining(entry, kind));
      const key = `${period}|${entry.divisionId}`;
      let change = changes.get(key);
      if (!change) {
        change = { period, divisionId: entry.divisionId, total: 0, points: {} };
        changes.set(key, change);
      }
      change.total = roundPoints(change.total + entry.points);
      change.points[entry.category] = roundPoints(
        (change.points[entry.category] ?? 0) + entry.points,
      );
    }
  }
  return [...changes.values()];
}

/** A period's standings as ranking needs them. */
export interface StandingTotals {
  divisionId: string;
  total: number;
  points: Record<ScoreCategory, number>;
}

/** Each division's competition rank in a period, whole and per category (`rankTotals`). */
export function periodRanks(
  standings: readonly StandingTotals[],
): Map<string, { rank: number; categoryRanks: Record<ScoreCategory, number> }> {
  const rankBy = (pointsOf: (s: StandingTotals) => number) =>
    new Map(
      rankTotals(new Map(standings.map((s) => [s.divisionId, roundPoints(pointsOf(s))]))).map(
        (row) => [row.divisionId, row.rank],
      ),
    );
  const overall = rankBy((s) => s.total);
  const byCategory = SCORE_CATEGORIES.map(
    (category) => [category, rankBy((s) => s.points[category] ?? 0)] as const,
  );
  return new Map(
    standings.map(({ divisionId }) => [
      divisionId,
      {
        rank: overall.get(divisionId)!,
        categoryRanks: Object.fromEntries(
          byCategory.map(([category, ranks]) => [category, ranks.get(divisionId)!]),
        ) as Record<ScoreCategory, number>,
      },
    ]),
  );
}
