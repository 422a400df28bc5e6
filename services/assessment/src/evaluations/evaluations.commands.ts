import { assessmentEvents } from '@heli/event-contracts';
import { badInput, rejectProblems } from '@heli/subgraph-runtime';
import type { AssessmentContext } from '../context.js';
import { rankingKey } from '../loaders.js';
import { formatPeriod, parsePeriod } from '../periods/period.js';
import { buildEvaluation, type EvaluationView } from './evaluation-view.js';
import { publishedEvaluationId } from './evaluations.model.js';
import { publishPeriodProblem } from './evaluations.rules.js';

/**
 * Publishes every ranked division's evaluation for the period as it stands: one stored snapshot
 * (the next version) and one evaluation.published event per division, in one transaction.
 */
export async function publishEvaluations(
  ctx: AssessmentContext,
  periodText: string,
  now: Date = new Date(),
): Promise<EvaluationView[]> {
  const parsed = parsePeriod(periodText);
  rejectProblems([publishPeriodProblem(parsed, now)]);
  const period = formatPeriod(parsed);
  const ranking = await ctx.loaders.ranking.load(rankingKey(period));
  if (ranking.length === 0) throw badInput(`${period} 还没有任何处室的考核记分，无法发布考评`);
  const views = await Promise.all(
    ranking.map(({ divisionId }) => buildEvaluation(ctx, divisionId, period)),
  );
  await ctx.outbox.withTransaction(async ({ session, emit }) => {
    for (const view of views) {
      const latest = await ctx.models.evaluations
        .findOne({ divisionId: view.divisionId, period }, { version: 1 }, { session })
        .sort({ version: -1 })
        .lean();
      const version = (latest?.version ?? 0) + 1;
      const evaluationId = publishedEvaluationId(period, view.divisionId, version);
      await ctx.models.evaluations.create(
        [
          {
            _id: evaluationId,
            divisionId: view.divisionId,
            period,
            version,
            total: view.total,
            byCategory: Object.fromEntries(view.byCategory.map((c) => [c.category, c.points])),
            rank: view.rank,
            rankedDivisions: view.rankedDivisions,
            grade: view.grade,
            ruleSetVersion: view.ruleSetVersion,
            publishedByStaffId: ctx.viewer.sub,
            publishedAt: now,
          },
        ],
        { session },
      );
      emit(
        assessmentEvents.evaluationPublished,
        {
          evaluationId,
          divisionId: view.divisionId,
          period,
          version,
          total: view.total,
          rank: view.rank,
          rankedDivisions: view.rankedDivisions,
          grade: view.grade,
          ruleSetVersion: view.ruleSetVersion,
          publishedByStaffId: ctx.viewer.sub,
          publishedAt: now.toISOString(),
        },
        { subject: view.divisionId },
      );
    }
  });
  return views;
}
