import { on, onBatch } from '@heli/event-bus';
import { responsibilityEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import { recordKnownDivision } from '../divisions/record-known-division.js';
import { recordScoringEvents } from '../ledger/record-scoring-event.js';
import type { AssessmentModels } from '../models.js';
import { SCORABLE_EVENTS } from './scorable-events.js';

/** The durable consumer's name: JetStream remembers its position under it. */
export const SCORING_CONSUMER = 'assessment-scoring';

/**
 * Every scorable event of the other contexts goes through `recordScoringEvents` inside the
 * event-bus's exactly-once transaction, a pulled batch at a time: the rules are read and the
 * ledger written once per batch rather than once per event. The organisation's division events
 * keep the list of divisions to rank. Assessment's own finding events are scored where they are
 * recorded.
 */
export function scoringSubscription(runtime: SubgraphRuntime<AssessmentModels>): EventSubscription {
  const { models } = runtime;
  const scored = SCORABLE_EVENTS.filter(({ definition }) => definition.context !== 'assessment');
  return {
    consumerName: SCORING_CONSUMER,
    handlers: {
      ...onBatch(
        scored.map(({ definition }) => definition),
        async (events, { session }) => {
          await recordScoringEvents(models, session, events);
        },
      ),
      ...on(responsibilityEvents.divisionCreated, (event, { session }) =>
        recordKnownDivision(models, session, event.data),
      ),
      ...on(responsibilityEvents.divisionUpdated, (event, { session }) =>
        recordKnownDivision(models, session, event.data),
      ),
    },
  };
}
