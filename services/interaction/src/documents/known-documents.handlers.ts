import { on } from '@heli/event-bus';
import { sharingEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { InteractionModels } from '../models.js';

export const KNOWN_DOCUMENTS_CONSUMER = 'interaction-known-documents';

/**
 * Takes in each document sharing registers, so a 通报 item can link it. The write overwrites the
 * record with the event's state, so a redelivery converges on the same record.
 */
export function knownDocumentsSubscription({
  models,
}: SubgraphRuntime<InteractionModels>): EventSubscription {
  return {
    consumerName: KNOWN_DOCUMENTS_CONSUMER,
    handlers: {
      ...on(sharingEvents.documentRegistered, async ({ data }, { session }) => {
        await models.knownDocuments.updateOne(
          { _id: data.documentId },
          {
            $set: {
              title: data.title,
              classification: data.classification,
              registeringDivisionId: data.registeringDivisionId,
              registeredAt: new Date(data.registeredAt),
            },
          },
          { upsert: true, session },
        );
      }),
    },
  };
}
