import type { EventEnvelope } from '@heli/event-contracts';
import type { Connection } from 'mongoose';

/**
 * The events a subgraph recorded in its outbox, oldest first, optionally of one type — what a
 * test checks to see that a write announced itself, without waiting for NATS.
 */
export async function outboxEvents<D = Record<string, unknown>>(
  conn: Connection,
  definition?: { fullType: string },
): Promise<EventEnvelope<D>[]> {
  const records = await conn
    .collection<{ envelope: EventEnvelope<D>; createdAt: Date }>('outbox')
    .find(definition ? { 'envelope.type': definition.fullType } : {})
    .sort({ createdAt: 1 })
    .toArray();
  return records.map((record) => record.envelope);
}
