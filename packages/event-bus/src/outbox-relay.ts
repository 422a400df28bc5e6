import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { REQUEST_ID_HEADER, type Logger } from '@heli/service-kit';
import {
  Events,
  headers,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from 'nats';
import type { Connection } from 'mongoose';
import { exponentialBackoff, idlePollDelay, type Backoff } from './backoff.js';
import { checkStreamReplicas, DUPLICATE_WINDOW_MS, ensureContextStream } from './context-stream.js';
import { claimBatch, markPublished, recordPublishFailure, releaseClaims } from './outbox-claim.js';
import { ensureOutboxIndexes, outboxCollection, type OutboxRecord } from './outbox-record.js';
import { onOutboxCommit } from './relay-wakeup.js';

export type OutboxRelay = {
  /** Starts polling the outbox; returns at once. */
  start(): void;
  /** Publishes what is waiting now rather than at the next poll (a no-op while backing off). */
  flushNow(): void;
  /** Stops polling and waits for the batch in flight, if any. */
  stop(): Promise<void>;
};

export type OutboxRelayOptions = {
  conn: Connection;
  nc: NatsConnection;
  namespace: string;
  logger: Logger;
  /** How often to look for records other replicas wrote. */
  pollMs?: number;
  /**
   * While polls keep finding nothing, the interval doubles from `pollMs` up to this; any record
   * published, commit announced or reconnect brings it back to `pollMs`. Records written in this
   * process wake the relay at once, so polling only finds what other processes wrote. Default:
   * `pollMs` (no backing off).
   */
  idlePollMs?: number;
  /** How long a claimed batch stays reserved for this relay; must fit in the duplicate window. */
  leaseMs?: number;
  batchSize?: number;
  /** How long to wait for JetStream to acknowledge one publish before treating NATS as down. */
  publishTimeoutMs?: number;
  /** Published records are deleted after this long. */
  retentionMs?: number;
  /** Delay before the n-th consecutive retry while NATS (or MongoDB) is failing. */
  backoff?: Backoff;
  /** Copies of a stream this relay creates (R3 on a three-node cluster); 1 by default. */
  streamReplicas?: number;
};

const PRUNE_EVERY_MS = 60_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Publishes outbox records to JetStream, oldest first, with the event id as message id. Any
 * number of replicas may run one against the same database (see outbox-claim.ts for how they share
 * the work). Never deletes or skips an unpublished record: while NATS is unreachable it retries
 * with capped exponential backoff, and it flushes at once when the connection comes back.
 */
export function createOutboxRelay(opts: OutboxRelayOptions): OutboxRelay {
  const {
    conn,
    nc,
    namespace,
    pollMs = 250,
    idlePollMs = pollMs,
    leaseMs = 30_000,
    batchSize = 100,
    publishTimeoutMs = 5_000,
    retentionMs = 7 * DAY_MS,
    backoff = exponentialBackoff({ baseMs: 250, maxMs: 30_000, jitter: 0.2 }),
    streamReplicas = 1,
  } = opts;
  checkStreamReplicas(streamReplicas);
  if (leaseMs * 2 > DUPLICATE_WINDOW_MS) {
    // A record re-published after an expired lease must still fall inside the duplicate window.
    throw new RangeError(`leaseMs must be at most ${DUPLICATE_WINDOW_MS / 2} ms, got ${leaseMs}`);
  }
  if (retentionMs < DUPLICATE_WINDOW_MS) {
    throw new RangeError(
      `retentionMs must be at least the ${DUPLICATE_WINDOW_MS} ms duplicate window`,
    );
  }
  const relayId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const logger = opts.logger.child({ component: 'outbox-relay', relayId });
  const outbox = outboxCollection(conn);
  const js: JetStreamClient = nc.jetstream();
  let jsm: JetStreamManager | undefined;
  const ensuredContexts = new Set<string>();

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let batchNumber = 0;
  let lastPruneAt = 0;
  /** Consecutive drains that published nothing. */
  let emptyDrains = 0;
  let stopWaking: (() => void) | undefined;
  let stopWatchingNats: (() => void) | undefined;

  function schedule(ms: number): void {
    clearTimeout(timer);
    if (running) timer = setTimeout(run, ms);
  }

  function run(): void {
    if (!running) return;
    if (inFlight) {
      again = true;
      return;
    }
    clearTimeout(timer);
    inFlight = drain().finally(() => {
      inFlight = undefined;
    });
  }

  async function drain(): Promise<void> {
    try {
      let published: number;
      let total = 0;
      do {
        again = false;
        published = await publishBatch();
        total += published;
      } while (running && (published === batchSize || again));
      if (failures > 0) logger.info({ failures }, 'outbox relay recovered');
      failures = 0;
      await pruneIfDue();
      emptyDrains = total === 0 ? emptyDrains + 1 : 0;
      schedule(idlePollDelay(emptyDrains, pollMs, idlePollMs));
    } catch (error) {
      failures += 1;
      ensuredContexts.clear();
      const delayMs = backoff(failures);
      logger.warn({ err: error, failures, retryInMs: delayMs }, 'outbox relay failed; retrying');
      schedule(delayMs);
    }
  }

  async function publishBatch(): Promise<number> {
    const claimId = `${relayId}#${++batchNumber}`;
    const batch = await claimBatch(outbox, { claimId, now: new Date(), leaseMs, batchSize });
    for (const [index, record] of batch.entries()) {
      try {
        await publish(record);
      } catch (error) {
        await recordPublishFailure(outbox, record, error).catch(() => undefined);
        await releaseClaims(outbox, claimId).catch(() => undefined);
        throw error;
      }
      await markPublished(outbox, record, claimId, new Date());
      if (!running && index < batch.length - 1) {
        await releaseClaims(outbox, claimId);
        return index + 1;
      }
    }
    return batch.length;
  }

  async function publish(record: OutboxRecord): Promise<void> {
    if (!ensuredContexts.has(record.context)) {
      jsm ??= await nc.jetstreamManager();
      await ensureContextStream(jsm, namespace, record.context, { replicas: streamReplicas });
      ensuredContexts.add(record.context);
    }
    const h = headers();
    h.set('Content-Type', 'application/cloudevents+json');
    if (record.envelope.requestid !== undefined)
      h.set(REQUEST_ID_HEADER, record.envelope.requestid);
    const ack = await js.publish(record.subject, JSON.stringify(record.envelope), {
      msgID: record._id,
      headers: h,
      timeout: publishTimeoutMs,
      expect: { streamName: record.stream },
    });
    logger.debug(
      { eventId: record._id, type: record.envelope.type, seq: ack.seq, duplicate: ack.duplicate },
      'event published',
    );
  }

  async function pruneIfDue(): Promise<void> {
    const now = Date.now();
    if (now - lastPruneAt < PRUNE_EVERY_MS) return;
    lastPruneAt = now;
    const { deletedCount } = await outbox.deleteMany({
      publishedAt: { $ne: null, $lt: new Date(now - retentionMs) },
    });
    if (deletedCount > 0) logger.info({ deletedCount }, 'pruned published outbox records');
  }

  function watchNats(): () => void {
    let watching = true;
    void (async () => {
      for await (const event of nc.status()) {
        // Leaving the loop ends the status subscription; it takes one more status event to notice.
        if (!watching) break;
        if (event.type === Events.Reconnect) {
          logger.info('NATS reconnected; flushing the outbox');
          failures = 0;
          run();
        }
      }
    })();
    return () => {
      watching = false;
    };
  }

  function flushNow(): void {
    emptyDrains = 0;
    if (running && failures === 0) run();
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopWaking = onOutboxCommit(conn, flushNow);
      stopWatchingNats = watchNats();
      void ensureOutboxIndexes(conn).catch((error: unknown) =>
        logger.error({ err: error }, 'could not create outbox indexes'),
      );
      run();
    },
    flushNow,
    async stop() {
      running = false;
      clearTimeout(timer);
      stopWaking?.();
      stopWatchingNats?.();
      await inFlight;
    },
  };
}
