import { parseEnvelope } from '@heli/event-contracts';
import { runWithRequestContext } from '@heli/service-kit';
import type { Connection } from 'mongoose';
import { applyEventOnce, type ApplyOutcome } from './apply-event-once.js';
import { deadLettersCollection, describeError, type DeadLetter } from './dead-letter.js';
import type { EventHandlers } from './event-handler.js';

/** Handlers by consumer name: what replay runs a dead letter through. */
export type ConsumerRegistry = Record<string, EventHandlers>;

export type DeadLetterStore = {
  /** Newest failure first. */
  list(filter?: { consumerName?: string }): Promise<DeadLetter[]>;
  /**
   * Runs the event through its consumer's handler again, on the same exactly-once path as a
   * delivery, and removes the dead letter once applied. If the handler fails again the dead
   * letter stays, with the new error, and the error is thrown.
   */
  replay(id: string): Promise<ApplyOutcome>;
  /** Drops a dead letter for good; returns whether there was one. */
  discard(id: string): Promise<boolean>;
};

export class DeadLetterReplayError extends Error {
  override readonly name = 'DeadLetterReplayError';
}

export function deadLetters(conn: Connection, registry: ConsumerRegistry = {}): DeadLetterStore {
  const collection = deadLettersCollection(conn);

  return {
    async list(filter = {}) {
      const query = filter.consumerName === undefined ? {} : { consumerName: filter.consumerName };
      return collection.find(query, { sort: { lastFailedAt: -1 } }).toArray();
    },

    async replay(id) {
      const letter = await collection.findOne({ _id: id });
      if (!letter) throw new DeadLetterReplayError(`no dead letter ${id}`);
      const handlers = registry[letter.consumerName];
      if (!handlers) {
        throw new DeadLetterReplayError(
          `dead letter ${id}: no handlers registered for consumer ${letter.consumerName}`,
        );
      }
      try {
        const event = parseEnvelope(letter.envelope);
        const handler = handlers[event.type];
        if (!handler) {
          throw new DeadLetterReplayError(
            `${letter.consumerName} has no handler for ${event.type}`,
          );
        }
        const outcome = await runWithRequestContext(
          { requestId: event.requestid ?? event.id },
          () =>
            applyEventOnce(conn, letter.consumerName, event, handler, async (session) => {
              await collection.deleteOne({ _id: id }, { session });
            }),
        );
        // Applied by someone else meanwhile (e.g. a rebuild): the dead letter is moot.
        if (outcome === 'already-applied') await collection.deleteOne({ _id: id });
        return outcome;
      } catch (error) {
        await collection.updateOne(
          { _id: id },
          {
            $set: { error: describeError(error), lastFailedAt: new Date() },
            $inc: { attempts: 1 },
          },
        );
        throw new DeadLetterReplayError(`replaying dead letter ${id} failed`, { cause: error });
      }
    },

    async discard(id) {
      const { deletedCount } = await collection.deleteOne({ _id: id });
      return deletedCount > 0;
    },
  };
}
