import {
  AckPolicy,
  DeliverPolicy,
  nanos,
  ReplayPolicy,
  type ConsumerConfig,
  type JetStreamManager,
} from 'nats';
import { apiErrorCode } from './context-stream.js';

/** Where a (re)created consumer starts reading its stream. */
export type ReplayFrom = 'start' | Date;

/** Unacknowledged messages come back after this long — a crashed replica's work is not lost. */
export const ACK_WAIT_MS = 30_000;

const CONSUMER_NOT_FOUND = 10014;

/**
 * A durable pull consumer with explicit acks. It reads the whole context stream: filtering on
 * several subjects needs NATS 2.10 (`filter_subjects`), and a whole-stream consumer also keeps its
 * configuration when a service adds a handler. Types without a handler are acked and skipped.
 * Redelivery is unlimited on the server; the consumer itself parks an event after `maxAttempts`,
 * so an event is never dropped without a dead letter to show for it.
 */
export function durableConsumerConfig(
  consumerName: string,
  from: ReplayFrom,
): Partial<ConsumerConfig> {
  return {
    durable_name: consumerName,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(ACK_WAIT_MS),
    max_deliver: -1,
    replay_policy: ReplayPolicy.Instant,
    ...(from === 'start'
      ? { deliver_policy: DeliverPolicy.All }
      : { deliver_policy: DeliverPolicy.StartTime, opt_start_time: from.toISOString() }),
  };
}

/** Creates the durable consumer unless it exists; an existing one keeps its position. */
export async function ensureDurableConsumer(
  jsm: JetStreamManager,
  stream: string,
  consumerName: string,
): Promise<void> {
  try {
    await jsm.consumers.info(stream, consumerName);
  } catch (error) {
    if (apiErrorCode(error) !== CONSUMER_NOT_FOUND) throw error;
    await jsm.consumers.add(stream, durableConsumerConfig(consumerName, 'start'));
  }
}

/** Replaces the durable consumer with one that starts reading at `from`. */
export async function recreateDurableConsumer(
  jsm: JetStreamManager,
  stream: string,
  consumerName: string,
  from: ReplayFrom,
): Promise<void> {
  try {
    await jsm.consumers.delete(stream, consumerName);
  } catch (error) {
    if (apiErrorCode(error) !== CONSUMER_NOT_FOUND) throw error;
  }
  await jsm.consumers.add(stream, durableConsumerConfig(consumerName, from));
}
