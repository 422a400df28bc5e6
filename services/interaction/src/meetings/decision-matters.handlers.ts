import { on } from '@heli/event-bus';
import { assignmentEvents } from '@heli/event-contracts';
import type { ClientSession } from 'mongoose';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { InteractionModels } from '../models.js';
import type { DecisionStatus } from './meeting.model.js';

export const DECISION_MATTERS_CONSUMER = 'interaction-decision-matters';

/**
 * Follows the matters responsibility makes of meeting decisions: links each decision to its matter
 * (so `Assignment.origin` and `MeetingDecision.matter` resolve) and moves the decision's status
 * forward as the matter is accepted and completed. Every write is conditional on the status it
 * moves from, so a redelivered or replayed event changes nothing and a status never goes back.
 */
export function decisionMattersSubscription({
  models,
}: SubgraphRuntime<InteractionModels>): EventSubscription {
  const advance = async (
    assignmentId: string,
    from: DecisionStatus[],
    to: DecisionStatus,
    session: ClientSession,
  ) => {
    await models.decisions.updateOne(
      { assignmentId, status: { $in: from } },
      { $set: { status: to } },
      { session },
    );
  };
  return {
    consumerName: DECISION_MATTERS_CONSUMER,
    handlers: {
      ...on(assignmentEvents.assignmentCreated, async ({ data }, { session }) => {
        if (data.source !== 'MEETING_DECISION' || data.sourceRef === null) return;
        await models.decisions.updateOne(
          { _id: data.sourceRef, assignmentId: null },
          { $set: { assignmentId: data.assignmentId, status: 'ASSIGNED' } },
          { session },
        );
      }),
      ...on(assignmentEvents.assignmentAccepted, ({ data }, { session }) =>
        advance(data.assignmentId, ['RECORDED', 'ASSIGNED'], 'ACCEPTED', session),
      ),
      ...on(assignmentEvents.assignmentCompleted, ({ data }, { session }) =>
        advance(data.assignmentId, ['RECORDED', 'ASSIGNED', 'ACCEPTED'], 'COMPLETED', session),
      ),
    },
  };
}
