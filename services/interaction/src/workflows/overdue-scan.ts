import { interactionEvents } from '@heli/event-contracts';
import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import type { Clock } from '../clock.js';
import type { InteractionModels } from '../models.js';
import type { StepRecord } from './workflow.model.js';

const BATCH = 500;

/**
 * Announces every open step past its due time, once: candidates come from the (watching, dueAt)
 * index — O(overdue steps), not O(open steps) — and each is flipped off `watching` with a write
 * conditional on it still watching, in the transaction that records its event, so two replicas
 * scanning at once announce a step once between them.
 */
export async function announceOverdueSteps(
  runtime: Pick<SubgraphRuntime<InteractionModels>, 'models' | 'outbox'>,
  now: Date,
): Promise<number> {
  const { models, outbox } = runtime;
  let announced = 0;
  for (;;) {
    const due = await models.steps
      .find({ watching: true, dueAt: { $lte: now } }, { _id: 1 })
      .limit(BATCH)
      .lean();
    if (due.length === 0) return announced;
    announced += await outbox.withTransaction(async ({ session, emit }) => {
      let count = 0;
      for (const { _id } of due) {
        const step = await models.steps
          .findOneAndUpdate(
            { _id, watching: true },
            { $set: { watching: false, overdueAnnouncedAt: now } },
            { new: true, session },
          )
          .lean<StepRecord>();
        if (!step) continue;
        await models.cases.updateOne(
          { _id: step.caseId },
          { $inc: { overdueSteps: 1 } },
          { session },
        );
        emit(
          interactionEvents.workflowStepOverdue,
          {
            caseId: step.caseId,
            caseTitle: step.caseTitle,
            templateKey: step.templateKey,
            templateVersion: step.templateVersion,
            workflowKind: step.kind,
            stepId: step._id,
            stepKey: step.stepKey,
            stepName: step.name,
            responsibleDivisionId: step.responsibleDivisionId,
            dueAt: step.dueAt.toISOString(),
            detectedAt: now.toISOString(),
          },
          { subject: step._id },
        );
        count++;
      }
      return count;
    });
    if (due.length < BATCH) return announced;
  }
}

/** Runs the scan every `intervalMs` until the connection closes; a failed run is retried next time. */
export function scheduleOverdueScan(
  runtime: SubgraphRuntime<InteractionModels>,
  clock: Clock,
  intervalMs: number,
): void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const count = await announceOverdueSteps(runtime, clock.now());
      if (count > 0) runtime.logger.info({ count }, 'overdue workflow steps announced');
    } catch (error) {
      if (!stopped)
        runtime.logger.warn({ err: error }, 'overdue scan failed; retrying next interval');
    }
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  runtime.conn.once('close', () => {
    stopped = true;
    clearTimeout(timer);
  });
  timer = setTimeout(tick, intervalMs).unref();
}
