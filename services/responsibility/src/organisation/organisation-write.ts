import { retryOnDuplicateKey, type Outbox } from '@heli/subgraph-runtime';
import type { ResponsibilityModels } from '../models.js';

type OutboxTransaction = Parameters<Parameters<Outbox['withTransaction']>[0]>[0];

/**
 * What a change to the organisation is made with: the models, and the transaction whose session
 * every read and write uses and whose `emit` records the change's event, so the change and its
 * event commit together.
 */
export interface OrganisationWrite extends OutboxTransaction {
  models: ResponsibilityModels;
}

/**
 * Runs `change` in one outbox transaction; a resolver context or a subgraph runtime both fit. A
 * change that lost a race on a unique index (two admins naming the one secretariat at once) runs
 * again and gets the ordinary, worded refusal.
 */
export function writeOrganisation<T>(
  scope: { models: ResponsibilityModels; outbox: Outbox },
  change: (write: OrganisationWrite) => Promise<T>,
): Promise<T> {
  return retryOnDuplicateKey(() =>
    scope.outbox.withTransaction((tx) => change({ ...tx, models: scope.models })),
  );
}
