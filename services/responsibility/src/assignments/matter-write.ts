import type { EventDefinition } from '@heli/event-contracts';
import type { Outbox, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { z } from 'zod';
import type { ResponsibilityModels } from '../models.js';

/**
 * What a change to assigned matters is made with: the models, the transaction's session that
 * every read and write uses, and `emit`, which records an event in that same transaction — the
 * outbox's `emit` in a request, `emitIn` in an event handler's transaction.
 */
export interface MatterWrite {
  models: ResponsibilityModels;
  session: ClientSession;
  emit<E extends EventDefinition>(
    definition: E,
    data: z.input<E['data']>,
    opts: { subject: string },
  ): unknown;
}

/** Runs `change` in one outbox transaction: its writes and events commit together or not at all. */
export function writeMatters<T>(
  scope: { models: ResponsibilityModels; outbox: Outbox },
  change: (write: MatterWrite) => Promise<T>,
): Promise<T> {
  return scope.outbox.withTransaction(({ session, emit }) =>
    change({ models: scope.models, session, emit }),
  );
}

/** A MatterWrite joining the transaction an event handler runs in. */
export function matterWriteIn(
  runtime: SubgraphRuntime<ResponsibilityModels>,
  session: ClientSession,
): MatterWrite {
  return {
    models: runtime.models,
    session,
    emit: (definition, data, opts) => runtime.outbox.emitIn(session, definition, data, opts),
  };
}
