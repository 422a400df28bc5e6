import type { Collection, Connection } from 'mongoose';

/**
 * An event one consumer gave up on: unreadable, or its handler failed `maxAttempts` times. Parked
 * here, with the error, so later events flow on and a person can replay or discard it.
 */
export type DeadLetter = {
  /** `${consumerName}:${eventId}`, or `${consumerName}:${stream}:${streamSequence}` when unreadable. */
  _id: string;
  consumerName: string;
  reason: DeadLetterReason;
  /** The parsed envelope, or the raw text when it could not be parsed. */
  envelope: unknown;
  eventId: string | null;
  type: string | null;
  stream: string;
  streamSequence: number;
  error: { message: string; stack?: string };
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
};

/** invalid: not JSON, breaks its contract or has an unknown type. failed: its handler kept throwing. */
export type DeadLetterReason = 'invalid' | 'failed';

export const DEAD_LETTERS_COLLECTION = 'dead_letters';

export function deadLettersCollection(conn: Connection): Collection<DeadLetter> {
  return conn.collection<DeadLetter>(DEAD_LETTERS_COLLECTION);
}

export async function ensureDeadLetterIndexes(conn: Connection): Promise<void> {
  await deadLettersCollection(conn).createIndex({ consumerName: 1 });
}

export function describeError(error: unknown): DeadLetter['error'] {
  if (error instanceof Error) {
    return error.stack === undefined
      ? { message: error.message }
      : { message: error.message, stack: error.stack };
  }
  return { message: String(error) };
}

export type ParkRequest = {
  consumerName: string;
  reason: DeadLetterReason;
  envelope: unknown;
  eventId: string | null;
  type: string | null;
  stream: string;
  streamSequence: number;
  error: unknown;
  attempts: number;
  now: Date;
};

export function deadLetterId(
  consumerName: string,
  event: { eventId: string | null; stream: string; streamSequence: number },
): string {
  return event.eventId !== null
    ? `${consumerName}:${event.eventId}`
    : `${consumerName}:${event.stream}:${event.streamSequence}`;
}

/** Parks an event, or — when it was parked before, e.g. during a rebuild — updates its error. */
export async function parkDeadLetter(conn: Connection, request: ParkRequest): Promise<string> {
  const { consumerName, reason, envelope, eventId, type, stream, streamSequence, now } = request;
  const _id = deadLetterId(consumerName, { eventId, stream, streamSequence });
  await deadLettersCollection(conn).updateOne(
    { _id },
    {
      $set: {
        consumerName,
        reason,
        envelope,
        eventId,
        type,
        stream,
        streamSequence,
        error: describeError(request.error),
        attempts: request.attempts,
        lastFailedAt: now,
      },
      $setOnInsert: { firstFailedAt: now },
    },
    { upsert: true },
  );
  return _id;
}
