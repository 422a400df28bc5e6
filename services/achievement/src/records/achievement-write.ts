import type { EventDefinition } from '@heli/event-contracts';
import { retryOnDuplicateKey, type Outbox } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { z } from 'zod';
import type { AchievementModels } from '../models.js';

/**
 * What a change is made with: the models, the transaction's session every read and write uses,
 * and `emit`, which records the change's event in that same transaction — the outbox's `emit` in
 * a request, `emitIn` in an event handler's transaction — so the change and its event commit
 * together, wherever the change starts.
 */
export interface AchievementWrite {
  models: AchievementModels;
  session: ClientSession;
  emit<E extends EventDefinition>(
    definition: E,
    data: z.input<E['data']>,
    opts: { subject: string },
  ): Promise<unknown>;
}

/** Runs `change` in one outbox transaction; a resolver context or a subgraph runtime both fit. */
export function writeAchievement<T>(
  scope: { models: AchievementModels; outbox: Outbox },
  change: (write: AchievementWrite) => Promise<T>,
): Promise<T> {
  return retryOnDuplicateKey(() =>
    scope.outbox.withTransaction(({ session, emit }) =>
      change({
        models: scope.models,
        session,
        emit: (definition, data, opts) => Promise.resolve(emit(definition, data, opts)),
      }),
    ),
  );
}

/** The same inside an event handler's transaction, whose commit the event bus owns. */
export function handlerWrite(
  scope: { models: AchievementModels; outbox: Outbox },
  session: ClientSession,
): AchievementWrite {
  return {
    models: scope.models,
    session,
    emit: (definition, data, opts) => scope.outbox.emitIn(session, definition, data, opts),
  };
}
