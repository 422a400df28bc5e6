import { on } from '@heli/event-bus';
import { responsibilityEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { InteractionModels } from '../models.js';
import type { OfficeKind } from './coordination.model.js';

export const KNOWN_OFFICES_CONSUMER = 'interaction-known-offices';

/**
 * Takes in the offices responsibility announces, so a 横向协调会 accepts only partner offices.
 * Each write overwrites the record with the event's state (created and updated carry all of it),
 * so a redelivery converges on the same record.
 */
export function knownOfficesSubscription({
  models,
}: Pick<SubgraphRuntime<InteractionModels>, 'models'>): EventSubscription {
  const put = async (
    { officeId, name, kind }: { officeId: string; name: string; kind: OfficeKind },
    session: ClientSession,
  ) => {
    await models.knownOffices.updateOne(
      { _id: officeId },
      { $set: { name, kind } },
      { upsert: true, session },
    );
  };
  return {
    consumerName: KNOWN_OFFICES_CONSUMER,
    handlers: {
      ...on(responsibilityEvents.officeCreated, ({ data }, { session }) => put(data, session)),
      ...on(responsibilityEvents.officeUpdated, ({ data }, { session }) => put(data, session)),
    },
  };
}
