import type { EventEnvelope } from '@heli/event-contracts';
import type { Collection, Connection } from 'mongoose';

/**
 * An event waiting to be (or already) published. Written in the same transaction as the entity
 * change it describes; the relay publishes it and stamps `publishedAt`.
 */
export type OutboxRecord = {
  /** The event id, which is also the JetStream message id. */
  _id: string;
  subject: string;
  stream: string;
  /** The bounded context, whose stream the relay makes sure exists before publishing. */
  context: string;
  envelope: EventEnvelope<unknown>;
  createdAt: Date;
  publishedAt: Date | null;
  /** Failed publish attempts, for diagnostics. */
  attempts: number;
  lastError?: string;
  /** Relay instance that holds the lease, and until when; null when nobody does. */
  claimedBy: string | null;
  claimedUntil: Date | null;
};

export const OUTBOX_COLLECTION = 'outbox';

export function outboxCollection(conn: Connection): Collection<OutboxRecord> {
  return conn.collection<OutboxRecord>(OUTBOX_COLLECTION);
}

export async function ensureOutboxIndexes(conn: Connection): Promise<void> {
  // Serves both the relay's "oldest unpublished first" scan and the pruning of published records.
  await outboxCollection(conn).createIndex({ publishedAt: 1, createdAt: 1 });
}
