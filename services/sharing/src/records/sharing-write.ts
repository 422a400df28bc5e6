import type { Logger } from '@heli/service-kit';
import { retryOnDuplicateKey, type Outbox } from '@heli/subgraph-runtime';
import type { SharingModels } from '../models.js';

type OutboxTransaction = Parameters<Parameters<Outbox['withTransaction']>[0]>[0];

/**
 * What a change is made with: the models and the transaction whose session every read and write
 * uses and whose `emit` records the change's event, so the change and its event commit together.
 */
export interface SharingWrite extends OutboxTransaction {
  models: SharingModels;
  /** The request's (or the runtime's) logger, for what a change must leave a trace of. */
  logger?: Logger;
}

/** Runs `change` in one outbox transaction; a resolver context or a subgraph runtime both fit. */
export function writeSharing<T>(
  scope: { models: SharingModels; outbox: Outbox; logger?: Logger },
  change: (write: SharingWrite) => Promise<T>,
): Promise<T> {
  return retryOnDuplicateKey(() =>
    scope.outbox.withTransaction((tx) =>
      change({ ...tx, models: scope.models, ...(scope.logger && { logger: scope.logger }) }),
    ),
  );
}
