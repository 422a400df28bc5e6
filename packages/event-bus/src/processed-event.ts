import type { Collection, Connection } from 'mongoose';

/**
 * Proof that one consumer applied one event. Inserted in the same transaction as the handler's
 * writes, so "applied" and "recorded as applied" cannot disagree.
 */
export type ProcessedEvent = {
  /** `${consumerName}:${eventId}` — the unique key that makes a second application fail. */
  _id: string;
  consumerName: string;
  eventId: string;
  type: string;
  processedAt: Date;
};

export const PROCESSED_EVENTS_COLLECTION = 'processed_events';

export function processedEventId(consumerName: string, eventId: string): string {
  return `${consumerName}:${eventId}`;
}

export function processedEventsCollection(conn: Connection): Collection<ProcessedEvent> {
  return conn.collection<ProcessedEvent>(PROCESSED_EVENTS_COLLECTION);
}

export async function ensureProcessedEventIndexes(conn: Connection): Promise<void> {
  // rebuild() forgets everything one consumer applied.
  await processedEventsCollection(conn).createIndex({ consumerName: 1 });
}
