import type { Logger } from '@heli/service-kit';
import { isDuplicateKeyError, type Outbox } from '@heli/subgraph-runtime';
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

/**
 * Runs a change again when it lost a race on a unique index (another request inserted the same
 * 文号, say, between this one's check and its commit): the second run reads the winner's record
 * and answers as its checks say — CONFLICT naming what the caller may see, or nothing at all
 * about what they may not — instead of a bare duplicate-key error. Once is enough: the record it
 * collided with is committed.
 */
async function retryOnDuplicateKey<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return run();
  }
}
