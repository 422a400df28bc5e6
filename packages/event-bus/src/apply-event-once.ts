import { withEventSpan } from '@heli/telemetry';
import { spanAttributes } from './event-span.js';
import type { EventEnvelope } from '@heli/event-contracts';
import type { ClientSession, Connection } from 'mongoose';
import type { EventHandler } from './event-handler.js';
import { processedEventId, processedEventsCollection } from './processed-event.js';

export type ApplyOutcome = 'applied' | 'already-applied';

const DUPLICATE_KEY = 11000;

class AlreadyApplied extends Error {
  override readonly name = 'AlreadyApplied';
}

/**
 * Runs a handler for an event at most once per consumer, however often the event is delivered:
 * the `processed_events` record and the handler's writes commit in one transaction, so either both
 * exist or neither does. `alsoInTransaction` joins more writes to it (replay removes the dead letter).
 */
export async function applyEventOnce(
  conn: Connection,
  consumerName: string,
  event: EventEnvelope,
  handler: EventHandler,
  alsoInTransaction?: (session: ClientSession) => Promise<void>,
): Promise<ApplyOutcome> {
  const processed = processedEventsCollection(conn);
  const _id = processedEventId(consumerName, event.id);
  try {
    return await conn.transaction(async (session) => {
      if (await processed.findOne({ _id }, { session, projection: { _id: 1 } })) {
        await alsoInTransaction?.(session);
        return 'already-applied' as const;
      }
      try {
        await processed.insertOne(
          { _id, consumerName, eventId: event.id, type: event.type, processedAt: new Date() },
          { session },
        );
      } catch (error) {
        // A concurrent delivery committed first; this attempt must not run the handler.
        if (isDuplicateKey(error)) throw new AlreadyApplied();
        throw error;
      }
      await withEventSpan(
        `consume ${event.type}`,
        [event.traceparent],
        spanAttributes(consumerName, [event]),
        () => handler(event, { session }),
      );
      await alsoInTransaction?.(session);
      return 'applied' as const;
    });
  } catch (error) {
    if (error instanceof AlreadyApplied) return 'already-applied';
    throw error;
  }
}

function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && error.code === DUPLICATE_KEY
  );
}
