import { retryOnDuplicateKey, type Outbox } from '@heli/subgraph-runtime';
import type { InteractionModels } from '../models.js';

type OutboxTransaction = Parameters<Parameters<Outbox['withTransaction']>[0]>[0];

/**
 * What a change is made with: the models and the transaction whose session every read and write
 * uses and whose `emit` records the change's event, so the change and its event commit together.
 */
export interface InteractionWrite extends OutboxTransaction {
  models: InteractionModels;
}

/** Runs `change` in one outbox transaction; a resolver context or a subgraph runtime both fit. */
export function writeInteraction<T>(
  scope: { models: InteractionModels; outbox: Outbox },
  change: (write: InteractionWrite) => Promise<T>,
): Promise<T> {
  return retryOnDuplicateKey(() =>
    scope.outbox.withTransaction((tx) => change({ ...tx, models: scope.models })),
  );
}
