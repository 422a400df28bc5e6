import { on } from '@heli/event-bus';
import { sharingEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { InteractionModels } from '../models.js';
import { segment } from './segmenter.js';

export const CATALOG_TOPICS_CONSUMER = 'interaction-catalog-topics';

/**
 * Keeps the titles of sharing's catalogue entries, segmented, so a research proposal is compared
 * with what the office has already written up without reading sharing's database. The write
 * overwrites the entry with the event's state, so a redelivery converges on the same record.
 */
export function catalogTopicsSubscription({
  models,
}: SubgraphRuntime<InteractionModels>): EventSubscription {
  return {
    consumerName: CATALOG_TOPICS_CONSUMER,
    handlers: {
      ...on(sharingEvents.catalogEntryPublished, async ({ data }, { session }) => {
        await models.catalogTopics.updateOne(
          { _id: data.entryId },
          {
            $set: {
              title: data.title,
              titleWords: segment(data.title),
              classification: data.classification,
              sourceDivisionId: data.sourceDivisionId,
              publishedAt: new Date(data.publishedAt),
            },
          },
          { upsert: true, session },
        );
      }),
    },
  };
}
