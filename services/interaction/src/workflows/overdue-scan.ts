import { interactionEvents } from '@heli/event-contracts';
import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import type { Clock } from '../clock.js';
import type { InteractionModels } from '../models.js';
import type { StepRecord } from './workflow.model.js';

const BATCH = 500;

/** What the overdue event and the case counter need of a step. */
const ANNOUNCED_FIELDS = {
  caseId: 1,
  caseTitle: 1,
  templateKey: 1,
  templateVersion: 1,
  kind: 1,
  stepKey: 1,
  name: 1,
  responsibleDivisionId: 1,
  dueAt: 1,
} as const;

type OverdueStep = Pick<StepRecord, '_id' | keyof typeof ANNOUNCED_FIELDS>;

/**
 * Announces every open step past its due time, once. Each batch is one transaction of four
 * statements whatever its size: read up to BATCH candidates from the (watching, dueAt) index —
 * O(overdue steps), not O(open steps) — flip them off `watching` with one update conditional on
 * them still watching, add to their cases' overdue counts in one bulk write, and record their
 * events in one outbox insert. Two scanners racing over the same steps cannot both flip one: the
 * transaction read them in its snapshot, and a step another scanner committed since is a write
 * conflict, so this transaction starts again and no longer finds it (snapshot isolation, as in
 * mongod). The modified count is checked anyway, so a step is never announced unflipped.
 */
export async function announceOverdueSteps(
  runtime: Pick<SubgraphRuntime<InteractionModels>, 'models' | 'outbox'>,
  now: Date,
): Promise<number> {
  const { models, outbox } = runtime;
  let announced = 0;
  for (;;) {
    const count = await outbox.withTransaction(async ({ session, emit }) => {
      const due = await models.steps
        .find({ watching: true, dueAt: { $lte: now } }, ANNOUNCED_FIELDS, { session })
        .sort({ dueAt: 1 })
        .limit(BATCH)
        .lean<OverdueStep[]>();
      if (due.length === 0) return 0;
      const flipped = await models.steps.updateMany(
        { _id: { $in: due.map((step) => step._id) }, watching: true },
        { $set: { watching: false, overdueAnnouncedAt: now } },
        { session },
      );
      if (flipped.modifiedCount !== due.length) {
        throw new OverdueScanRaced(due.length, flipped.modifiedCount);
      }
      await models.cases.bulkWrite(
        [...countByCase(due)].map(([caseId, overdue]) => ({
          updateOne: { filter: { _id: caseId }, update: { $inc: { overdueSteps: overdue } } },
        })),
        { session, ordered: false },
      );
      for (const step of due) {
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
      }
      return due.length;
    });
    announced += count;
    if (count < BATCH) return announced;
  }
}

function countByCase(steps: OverdueStep[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { caseId } of steps) counts.set(caseId, (counts.get(caseId) ?? 0) + 1);
  return counts;
}

/**
 * A database without snapshot isolation let another scanner flip a step this one read as
 * watching; the transaction is abandoned whole so that no step is announced twice.
 */
export class OverdueScanRaced extends Error {
  override name = 'OverdueScanRaced';
  constructor(read: number, flipped: number) {
    super(`overdue scan read ${read} watching steps but flipped ${flipped}; nothing announced`);
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
