import { findEventDefinition, parseEnvelope, type EventEnvelope } from '@heli/event-contracts';
import { runWithRequestContext, type Logger } from '@heli/service-kit';
import type { ConsumerMessages, JetStreamManager, JsMsg, NatsConnection } from 'nats';
import type { Connection } from 'mongoose';
import { applyEventOnce } from './apply-event-once.js';
import { exponentialBackoff, type Backoff } from './backoff.js';
import { ensureContextStream } from './context-stream.js';
import { ensureDeadLetterIndexes, parkDeadLetter, type DeadLetterReason } from './dead-letter.js';
import {
  ensureDurableConsumer,
  recreateDurableConsumer,
  type ReplayFrom,
} from './durable-consumer.js';
import type { EventHandlers } from './event-handler.js';
import { ensureProcessedEventIndexes, processedEventsCollection } from './processed-event.js';

export type EventConsumer = {
  readonly consumerName: string;
  readonly handlers: EventHandlers;
  /** Creates streams and durable consumers as needed and starts handling messages. */
  start(): Promise<void>;
  /** Stops taking messages and waits for the one being handled. */
  stop(): Promise<void>;
  /**
   * Re-applies the stream from its beginning or from a time: forgets which events this consumer
   * processed and recreates its durable consumers there. The caller clears the state the handlers
   * rebuild (its projection) first. Not atomic: if interrupted, run it again.
   */
  rebuild(from: ReplayFrom): Promise<void>;
};

export type EventConsumerOptions = {
  conn: Connection;
  nc: NatsConnection;
  namespace: string;
  /** Durable consumer name, unique per service and purpose, e.g. 'assessment-score-ledger'. */
  consumerName: string;
  logger: Logger;
  /** Deliveries of a failing event before it is parked as a dead letter. */
  maxAttempts?: number;
  handlers: EventHandlers;
  /** Contexts to read besides those of the handled types. */
  contexts?: string[];
  /** Delay before the n-th redelivery of an event whose handler failed. */
  retryBackoff?: Backoff;
};

const MAX_MESSAGES_IN_FLIGHT = 16;

/**
 * Handles events from durable JetStream pull consumers — one per context stream — with exactly-once
 * effects: each event's handler writes and its `processed_events` record commit in one
 * transaction, and the message is acked only after that commit. A redelivered event finds its
 * record and is acked without running the handler again.
 */
export function createEventConsumer(opts: EventConsumerOptions): EventConsumer {
  const {
    conn,
    nc,
    namespace,
    consumerName,
    handlers,
    maxAttempts = 5,
    retryBackoff = exponentialBackoff({ baseMs: 500, maxMs: 30_000, jitter: 0.2 }),
  } = opts;
  if (!/^[A-Za-z0-9_-]+$/.test(consumerName)) {
    throw new Error(`consumerName "${consumerName}" may only contain letters, digits, _ and -`);
  }
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  const contexts = new Set(opts.contexts ?? []);
  for (const type of Object.keys(handlers)) {
    const definition = findEventDefinition(type);
    if (!definition) throw new Error(`${consumerName}: no event contract for handled type ${type}`);
    contexts.add(definition.context);
  }
  const logger = opts.logger.child({ component: 'event-consumer', consumerName });

  let running = false;
  let manager: JetStreamManager | undefined;
  let subscriptions: Array<{ messages: ConsumerMessages; done: Promise<void> }> = [];

  /** The stream of every context this consumer reads, created if missing. */
  async function prepareStreams(): Promise<{ jsm: JetStreamManager; streams: string[] }> {
    const jsm = (manager ??= await nc.jetstreamManager());
    const streams: string[] = [];
    for (const context of contexts) {
      streams.push(await ensureContextStream(jsm, namespace, context));
    }
    return { jsm, streams };
  }

  async function consume(stream: string): Promise<void> {
    const consumer = await nc.jetstream().consumers.get(stream, consumerName);
    const messages = await consumer.consume({ max_messages: MAX_MESSAGES_IN_FLIGHT });
    const done = (async () => {
      for await (const msg of messages) {
        // Messages buffered when stop() was called go back to the server for the next owner.
        if (!running) {
          msg.nak();
          continue;
        }
        await handle(msg).catch((error: unknown) => {
          logger.error(
            { err: error, stream, seq: msg.seq },
            'could not settle message; it will be redelivered',
          );
        });
      }
    })();
    subscriptions.push({ messages, done });
  }

  async function handle(msg: JsMsg): Promise<void> {
    const attempt = msg.info.deliveryCount;
    let raw: unknown;
    try {
      raw = JSON.parse(msg.string());
    } catch (error) {
      return park(msg, 'invalid', msg.string(), error);
    }
    const type = stringField(raw, 'type');
    if (type !== undefined && !Object.hasOwn(handlers, type)) {
      msg.ack();
      return;
    }
    let event: EventEnvelope;
    try {
      event = parseEnvelope(raw);
    } catch (error) {
      return park(msg, 'invalid', raw, error);
    }
    const handler = handlers[event.type];
    if (!handler) {
      msg.ack();
      return;
    }
    try {
      const outcome = await runWithRequestContext({ requestId: event.requestid ?? event.id }, () =>
        applyEventOnce(conn, consumerName, event, handler),
      );
      msg.ack();
      logger.debug({ eventId: event.id, type: event.type, outcome, attempt }, 'event handled');
    } catch (error) {
      if (attempt >= maxAttempts) return park(msg, 'failed', event, error);
      const delayMs = retryBackoff(attempt);
      logger.warn(
        { err: error, eventId: event.id, type: event.type, attempt, retryInMs: delayMs },
        'event handler failed; will retry',
      );
      msg.nak(delayMs);
    }
  }

  async function park(msg: JsMsg, reason: DeadLetterReason, envelope: unknown, error: unknown) {
    const attempt = msg.info.deliveryCount;
    try {
      const id = await parkDeadLetter(conn, {
        consumerName,
        reason,
        envelope,
        eventId: stringField(envelope, 'id') ?? null,
        type: stringField(envelope, 'type') ?? null,
        stream: msg.info.stream,
        streamSequence: msg.seq,
        error,
        attempts: attempt,
        now: new Date(),
      });
      // term: the server must not redeliver it; the dead letter is now the event's only home.
      msg.term();
      logger.error(
        { err: error, deadLetterId: id, reason, attempt },
        'event parked as dead letter',
      );
    } catch (parkError) {
      logger.error({ err: parkError }, 'could not park dead letter; will retry');
      msg.nak(retryBackoff(attempt));
    }
  }

  async function stopConsuming(): Promise<void> {
    running = false;
    const current = subscriptions;
    subscriptions = [];
    await Promise.all(current.map(({ messages }) => messages.close()));
    await Promise.all(current.map(({ done }) => done));
  }

  async function start(): Promise<void> {
    if (running) return;
    await Promise.all([ensureProcessedEventIndexes(conn), ensureDeadLetterIndexes(conn)]);
    const { jsm, streams } = await prepareStreams();
    for (const stream of streams) await ensureDurableConsumer(jsm, stream, consumerName);
    running = true;
    try {
      for (const stream of streams) await consume(stream);
    } catch (error) {
      await stopConsuming();
      throw error;
    }
    logger.info({ streams }, 'event consumer started');
  }

  return {
    consumerName,
    handlers,
    start,
    stop: stopConsuming,
    async rebuild(from) {
      const wasRunning = running;
      await stopConsuming();
      const { jsm, streams } = await prepareStreams();
      const { deletedCount } = await processedEventsCollection(conn).deleteMany({ consumerName });
      for (const stream of streams) await recreateDurableConsumer(jsm, stream, consumerName, from);
      logger.info(
        { from: from === 'start' ? 'start' : from.toISOString(), forgotten: deletedCount },
        'event consumer rebuilt',
      );
      if (wasRunning) await start();
    },
  };
}

function stringField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === 'string' ? found : undefined;
}
