import { on } from '@heli/event-bus';
import { assignmentEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { LiaisonModels } from '../models.js';
import type { LiaisonSettings } from '../settings.js';
import { enqueueMessage } from '../transport/enqueue-message.js';
import type { MatterUpdateBody } from '../transport/liaison-message.js';
import { matterKeyOf } from './matters.commands.js';
import { withUpdate } from './matters.rules.js';

export const MATTERS_CONSUMER = 'liaison-matters';

/**
 * Reports up what happens to matters a higher office assigned: responsibility's events about the
 * assigned matter it made (source HIGHER_OFFICE) become messages to that office — progress,
 * completion, escalation — in the transaction that records the event as processed, so each is
 * sent exactly once, and recorded on the matter as published. Matters of other origins, and
 * sub-matters, are nobody else's business.
 */
export function mattersIntake(
  runtime: SubgraphRuntime<LiaisonModels>,
  settings: LiaisonSettings,
  onQueued: () => void,
): EventSubscription {
  const { models } = runtime;

  async function report(
    session: ClientSession,
    assignmentId: string,
    update: Omit<MatterUpdateBody, 'officeAssignmentId'>,
  ): Promise<void> {
    const matter = await models.officeAssignments
      .findOne({ side: 'RECEIVED_FROM_HIGHER', localAssignmentId: assignmentId })
      .session(session)
      .lean();
    if (matter === null) return;
    await enqueueMessage(models, settings, session, {
      to: matter.officeId,
      kind: 'MATTER_UPDATE',
      matterKey: matterKeyOf(matter._id),
      classification: 'PUBLIC',
      body: { officeAssignmentId: matter._id, ...update },
    });
    // Kept beside the matter as published: the higher office's live view reads exactly these.
    const next = withUpdate(matter, { ...update, at: new Date(update.at) });
    if (next !== null) {
      await models.officeAssignments.updateOne({ _id: matter._id }, { $set: next }, { session });
    }
    onQueued();
  }

  const none = { percent: null, onSchedule: null, onTime: null, level: null };
  return {
    consumerName: MATTERS_CONSUMER,
    handlers: {
      ...on(assignmentEvents.assignmentCreated, async ({ data }, { session }) => {
        if (data.source !== 'HIGHER_OFFICE' || data.sourceRef === null) return;
        await models.officeAssignments.updateOne(
          { _id: data.sourceRef, side: 'RECEIVED_FROM_HIGHER', localAssignmentId: null },
          { $set: { localAssignmentId: data.assignmentId } },
          { session },
        );
      }),
      ...on(assignmentEvents.assignmentProgressReported, ({ id, data }, { session }) =>
        report(session, data.assignmentId, {
          ...none,
          updateId: id,
          type: 'PROGRESS',
          at: data.at,
          percent: data.percent,
          onSchedule: data.onSchedule,
        }),
      ),
      ...on(assignmentEvents.assignmentCompleted, ({ id, data }, { session }) =>
        report(session, data.assignmentId, {
          ...none,
          updateId: id,
          type: 'COMPLETED',
          at: data.completedAt,
          onTime: data.onTime,
        }),
      ),
      ...on(assignmentEvents.assignmentEscalated, ({ id, data }, { session }) =>
        report(session, data.assignmentId, {
          ...none,
          updateId: id,
          type: 'ESCALATED',
          at: data.escalatedAt,
          level: data.level,
        }),
      ),
    },
  };
}
