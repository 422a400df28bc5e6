import { findEventDefinition, parseEnvelope, type EventEnvelope } from '@heli/event-contracts';
import { runWithRequestContext, type Logger } from '@heli/service-kit';
import type { ConsumerMessages, JetStreamManager, JsMsg, NatsConnection } from 'nats';
import type { Connection } from 'mongoose';
import { applyEventOnce } from './apply-event-once.js';
import { applyEventsOnce } from './apply-events-once.js';
import { exponentialBackoff, type Backoff } from './backoff.js';
import { checkStreamReplicas, ensureContextStream } from './context-stream.js';
import { ensureDeadLetterIndexes, parkDeadLetter, type DeadLetterReason } from './dead-letter.js';
import {
  ensureDurableConsumer,
  recreateDurableConsumer,
  type ReplayFrom,
} from './durable-consumer.js';
import type { EventHandler, EventHandlers } from './event-handler.js';
import { inBatches } from './message-batches.js';
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
  /** Most messages applied in one transaction. */
  batchSize?: number;
  /** How long a batch waits for more messages after its first. */
  batchLingerMs?: number;
  /** Copies of a stream this consumer creates (R3 on a three-node cluster); 1 by default. */
  streamReplicas?: number;
};

/** A message and the event it carries, once admitted for applying. */
type Delivery = { msg: JsMsg; event: EventEnvelope };

/**
 * Handles events from durable JetStream pull consumers — one per context stream — with exactly-once
 * effects: handler writes and the events' `processed_events` records commit in one transaction,
 * and the messages are acked only after that commit. A redelivered event finds its record and is
 * acked without running the handler again. Messages are pulled in batches (whatever arrives within
 * `batchLingerMs`, up to `batchSize`) and a batch is applied in one transaction; a batch that
 * fails is applied again one event per transaction, with the per-event retry and dead-letter rules.
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
    batchSize = 100,
    batchLingerMs = 5,
    streamReplicas = 1,
  } = opts;
  checkStreamReplicas(streamReplicas);
  if (!/^[A-Za-z0-9_-]+$/.test(consumerName)) {
    throw new Error(`consumerName "${consumerName}" may only contain letters, digits, _ and -`);
  }
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const contexts = new Set(opts.contexts ?? []);
  for (const type of Object.keys(handlers)) {
    const definition = findEventDefinition(type);
    if (!definition) throw new Error(`${consumerName}: no event contract for handled type ${type}`);
    contexts.add(definition.context);
  }
  const logger = opts.logger.child({ component: 'event-consumer', consumerName });
  // Only called for events `admit` let through, whose type has a handler.
  const handlerOf = (event: EventEnvelope): EventHandler => handlers[event.type]!;

  let running = false;
  let manager: JetStreamManager | undefined;
  let subscriptions: Array<{ messages: ConsumerMessages; done: Promise<void> }> = [];

  /** The stream of every context this consumer reads, created if missing. */
  async function prepareStreams(): Promise<{ jsm: JetStreamManager; streams: string[] }> {
    const jsm = (manager ??= await nc.jetstreamManager());
    const streams: string[] = [];
    for (const context of contexts) {
      streams.push(
        await ensureContextStream(jsm, namespace, context, { replicas: streamReplicas }),
      );
    }
    return { jsm, streams };
  }

  async function consume(stream: string): Promise<void> {
    const consumer = await nc.jetstream().consumers.get(stream, consumerName);
    // Room for a whole batch behind the one being applied, so the next is ready when it commits.
    const messages = await consumer.consume({ max_messages: 2 * batchSize });
    const done = (async () => {
      for await (const batch of inBatches(messages, {
        maxSize: batchSize,
        lingerMs: batchLingerMs,
      })) {
        // Messages buffered when stop() was called go back to the server for the next owner.
        if (!running) {
          for (const msg of batch) msg.nak();
          continue;
        }
        await handleBatch(batch, stream);
      }
    })();
    subscriptions.push({ messages, done });
  }

  /**
   * Parks or skips what cannot be applied, applies the rest in one transaction and acks it; if
   * that transaction fails, settles the messages one by one as if they had come alone, so one
   * poison event costs its batch a retry but never another event's effect or ack.
   */
  async function handleBatch(batch: JsMsg[], stream: string): Promise<void> {
    const deliveries: Delivery[] = [];
    for (const msg of batch) {
      const event = await admit(msg).catch((error: unknown) => {
        logger.error(
          { err: error, stream, seq: msg.seq },
          'could not settle message; it will be redelivered',
        );
        return undefined;
      });
      if (event) deliveries.push({ msg, event });
    }
    if (deliveries.length === 0) return;
    if (deliveries.length > 1) {
      // The same event under two message ids is one event: applied once, both messages acked.
      const events = [...new Map(deliveries.map(({ event }) => [event.id, event])).values()];
      try {
        const outcome = await applyEventsOnce(conn, consumerName, events, handlerOf);
        for (const { msg } of deliveries) msg.ack();
        logger.debug({ ...outcome, messages: deliveries.length }, 'event batch handled');
        return;
      } catch (error) {
        logger.warn(
          { err: error, events: events.length },
          'event batch failed; applying its events one by one',
        );
      }
    }
    for (const delivery of deliveries) {
      await settle(delivery).catch((error: unknown) => {
        logger.error(
          { err: error, stream, seq: delivery.msg.seq },
          'could not settle message; it will be redelivered',
        );
      });
    }
  }

  /**
   * The message's event if this consumer handles it. Anything else is settled here: unreadable or
   * contract-breaking messages are parked at once, types without a handler acked.
   */
  async function admit(msg: JsMsg): Promise<EventEnvelope | undefined> {
    let raw: unknown;
    try {
      raw = JSON.parse(msg.string());
    } catch (error) {
      await park(msg, 'invalid', msg.string(), error);
      return undefined;
    }
    const type = stringField(raw, 'type');
    if (type !== undefined && !Object.hasOwn(handlers, type)) {
      msg.ack();
      return undefined;
    }
    let event: EventEnvelope;
    try {
      event = parseEnvelope(raw);
    } catch (error) {
      await park(msg, 'invalid', raw, error);
      return undefined;
    }
    if (!Object.hasOwn(handlers, event.type)) {
      msg.ack();
      return undefined;
    }
    return event;
  }

  /** One event in its own transaction: acked when applied, retried later or parked when not. */
  async function settle({ msg, event }: Delivery): Promise<void> {
    const attempt = msg.info.deliveryCount;
    try {
      const outcome = await runWithRequestContext({ requestId: event.requestid ?? event.id }, () =>
        applyEventOnce(conn, consumerName, event, handlerOf(event)),
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
