import { assessmentEvents } from '@heli/event-contracts';
import type { AssessmentContext } from '../context.js';
import { loadDivisionScore } from '../ledger/division-score.js';
import type { ScoreEntryRecord } from '../ledger/ledger.model.js';
import { roundPoints } from '../ledger/score-event.rules.js';
import type { CategoryPoints } from '../ledger/score-totals.js';
import { rankingKey } from '../loaders.js';
import {
  formatPeriod,
  fractionOfYear,
  monthsOf,
  parsePeriod,
  periodFilter,
} from '../periods/period.js';
import type { GradeThresholds } from '../scoring-rules/scoring-rule.js';
import { GRADE_LABELS, gradeFor, rankAmong, type Grade } from './evaluations.rules.js';

/** What the Evaluation type resolves from; lists are resolved on demand. */
export interface EvaluationView {
  divisionId: string;
  period: string;
  total: number;
  byCategory: CategoryPoints[];
  rank: number;
  rankedDivisions: number;
  grade: Grade;
  gradeLabel: string;
  grading: GradeThresholds;
  ruleSetVersion: number;
}

export async function buildEvaluation(
  ctx: AssessmentContext,
  divisionId: string,
  periodText: string,
): Promise<EvaluationView> {
  const period = parsePeriod(periodText);
  const text = formatPeriod(period);
  const [score, ranking, ruleSet] = await Promise.all([
    loadDivisionScore(ctx, divisionId, text),
    ctx.loaders.ranking.load(rankingKey(text)),
    ctx.loaders.activeRuleSet.load(period.year),
  ]);
  const { rank, rankedDivisions } = rankAmong(ranking, divisionId);
  const share = fractionOfYear(period);
  const grade = gradeFor(score.total, ruleSet.grading, period);
  return {
    divisionId,
    period: text,
    total: score.total,
    byCategory: score.byCategory,
    rank,
    rankedDivisions,
    grade,
    gradeLabel: GRADE_LABELS[grade],
    grading: {
      excellent: roundPoints(ruleSet.grading.excellent * share),
      good: roundPoints(ruleSet.grading.good * share),
      pass: roundPoints(ruleSet.grading.pass * share),
    },
    ruleSetVersion: ruleSet.version,
  };
}

const LISTED_ENTRIES = 100;

export function commendationEntries(ctx: AssessmentContext, view: EvaluationView) {
  return ctx.models.scoreEntries
    .find({
      divisionId: view.divisionId,
      ...periodFilter(parsePeriod(view.period)),
      'source.eventType': assessmentEvents.inspectionFindingRecorded.fullType,
      points: { $gt: 0 },
    })
    .sort({ 'source.eventTime': 1, _id: 1 })
    .limit(LISTED_ENTRIES)
    .lean<ScoreEntryRecord[]>()
    .exec();
}

export function penaltyEntries(ctx: AssessmentContext, view: EvaluationView) {
  return ctx.models.scoreEntries
    .find({
      divisionId: view.divisionId,
      ...periodFilter(parsePeriod(view.period)),
      kind: 'RULE',
      points: { $lt: 0 },
    })
    .sort({ 'source.eventTime': 1, _id: 1 })
    .limit(LISTED_ENTRIES)
    .lean<ScoreEntryRecord[]>()
    .exec();
}

export async function monthlyTrend(ctx: AssessmentContext, view: EvaluationView) {
  const period = parsePeriod(view.period);
  const months = await ctx.models.scoreEntries.aggregate<{ _id: number; points: number }>([
    { $match: { divisionId: view.divisionId, ...periodFilter(period) } },
    { $group: { _id: '$month', points: { $sum: '$points' } } },
  ]);
  const byMonth = new Map(months.map(({ _id, points }) => [_id, points]));
  let cumulative = 0;
  return monthsOf(period).map((month) => {
    const total = roundPoints(month.kind === 'MONTH' ? (byMonth.get(month.month) ?? 0) : 0);
    cumulative = roundPoints(cumulative + total);
    return { period: formatPeriod(month), total, cumulative };
  });
}
