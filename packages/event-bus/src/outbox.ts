import { currentTraceparent } from '@heli/telemetry';
import {
  createEnvelope,
  natsSubject,
  streamName,
  type EventData,
  type EventDefinition,
  type EventEnvelope,
} from '@heli/event-contracts';
import { currentRequestId, type Logger } from '@heli/service-kit';
import type { ClientSession, Connection } from 'mongoose';
import type { z } from 'zod';
import { outboxCollection, type OutboxRecord } from './outbox-record.js';
import { announceOutboxCommit } from './relay-wakeup.js';

/** Records an event to be published when, and only if, the surrounding transaction commits. */
export type Emit = <E extends EventDefinition>(
  definition: E,
  data: z.input<E['data']>,
  opts: { subject: string },
) => EventEnvelope<EventData<E>>;

export type OutboxTransaction = { session: ClientSession; emit: Emit };

export type Outbox = {
  /**
   * Runs `fn` in a MongoDB transaction. Entity writes made with `session` and the events passed to
   * `emit` commit together or not at all; the transaction body may run more than once when the
   * server asks for a retry, so it must not have effects outside `session`.
   */
  withTransaction<T>(fn: (tx: OutboxTransaction) => Promise<T>): Promise<T>;
  /**
   * Adds an event to a transaction someone else runs — an event handler reacting to an event with
   * one of its own. The event commits with that transaction.
   */
  emitIn<E extends EventDefinition>(
    session: ClientSession,
    definition: E,
    data: z.input<E['data']>,
    opts: { subject: string },
  ): Promise<EventEnvelope<EventData<E>>>;
};

export type OutboxOptions = {
  /** The publishing service, the envelope's `source`. */
  source: string;
  namespace: string;
  /** When given, every committed event is logged at debug level. */
  logger?: Logger;
};

export function createOutbox(conn: Connection, opts: OutboxOptions): Outbox {
  const { source, namespace, logger } = opts;
  const outbox = outboxCollection(conn);

  function recordFor<E extends EventDefinition>(
    definition: E,
    data: z.input<E['data']>,
    subject: string,
  ): OutboxRecord {
    const requestId = currentRequestId();
    const traceparent = currentTraceparent();
    const envelope = createEnvelope(definition, data, {
      source,
      subject,
      ...(requestId === undefined ? {} : { requestId }),
      ...(traceparent === undefined ? {} : { traceparent }),
    });
    return {
      _id: envelope.id,
      subject: natsSubject(namespace, definition),
      stream: streamName(namespace, definition.context),
      context: definition.context,
      envelope,
      createdAt: new Date(),
      publishedAt: null,
      attempts: 0,
      claimedBy: null,
      claimedUntil: null,
    };
  }

  function logCommitted(records: OutboxRecord[]): void {
    for (const { envelope, subject } of records) {
      logger?.debug({ eventId: envelope.id, type: envelope.type, subject }, 'event committed');
    }
  }

  return {
    async withTransaction(fn) {
      let pending: OutboxRecord[] = [];
      const result = await conn.transaction(async (session) => {
        // A retried transaction starts again from nothing, events included.
        const attempt: OutboxRecord[] = [];
        pending = attempt;
        let open = true;
        const emit: Emit = (definition, data, { subject }) => {
          if (!open) {
            throw new Error(
              `emit(${definition.fullType}) called after its transaction body returned`,
            );
          }
          const record = recordFor(definition, data, subject);
          attempt.push(record);
          return record.envelope as EventEnvelope<EventData<typeof definition>>;
        };
        const value = await fn({ session, emit }).finally(() => {
          open = false;
        });
        if (attempt.length > 0) await outbox.insertMany(attempt, { session });
        return value;
      });
      if (pending.length > 0) {
        logCommitted(pending);
        announceOutboxCommit(conn);
      }
      return result;
    },

    async emitIn(session, definition, data, { subject }) {
      const record = recordFor(definition, data, subject);
      await outbox.insertOne(record, { session });
      // The caller's transaction has not committed yet; the relay will see the record once it has.
      session.once('ended', () => announceOutboxCommit(conn));
      return record.envelope as EventEnvelope<EventData<typeof definition>>;
    },
  };
}
