import { streamName, streamSubjects } from '@heli/event-contracts';
import { nanos, StorageType, type JetStreamManager, type StreamConfig } from 'nats';

/**
 * JetStream drops a second message with the same Nats-Msg-Id inside this window. The relay
 * publishes with the event id as message id, so a record re-published after a crash or an expired
 * lease is stored once — provided the retry happens inside the window (see OUTBOX_LEASE_MS).
 */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

/** JetStream keeps at most five copies of a stream (R1 … R5); R3 on a three-node cluster. */
export const MAX_STREAM_REPLICAS = 5;

/** Refuses a replica count JetStream would not accept, when a relay or consumer is created. */
export function checkStreamReplicas(replicas: number): number {
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > MAX_STREAM_REPLICAS) {
    throw new RangeError(
      `stream replicas must be an integer from 1 to ${MAX_STREAM_REPLICAS}, got ${replicas}`,
    );
  }
  return replicas;
}

/**
 * Every event of one bounded context lives in one stream, `${NAMESPACE}_${CONTEXT}`, kept on
 * `replicas` servers of the NATS cluster (1 on a single server).
 */
export function contextStreamConfig(
  namespace: string,
  context: string,
  replicas = 1,
): Partial<StreamConfig> {
  return {
    name: streamName(namespace, context),
    subjects: [streamSubjects(namespace, context)],
    storage: StorageType.File,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    num_replicas: checkStreamReplicas(replicas),
  };
}

const STREAM_NOT_FOUND = 10059;

/**
 * Creates the context's stream, or brings an existing one to the current configuration (a changed
 * replica count included: JetStream moves a stream from R1 to R3 in place). Safe to call from every
 * replica at start-up — the server accepts a second create with an identical configuration — so
 * publishers and consumers of a context each call it, whoever comes first.
 */
export async function ensureContextStream(
  jsm: JetStreamManager,
  namespace: string,
  context: string,
  { replicas = 1 }: { replicas?: number } = {},
): Promise<string> {
  const config = contextStreamConfig(namespace, context, replicas);
  const name = streamName(namespace, context);
  let existing: StreamConfig;
  try {
    existing = (await jsm.streams.info(name)).config;
  } catch (error) {
    if (apiErrorCode(error) !== STREAM_NOT_FOUND) throw error;
    await jsm.streams.add(config);
    return name;
  }
  const upToDate =
    existing.duplicate_window === config.duplicate_window &&
    existing.num_replicas === config.num_replicas &&
    existing.subjects.length === 1 &&
    existing.subjects[0] === config.subjects?.[0];
  if (!upToDate) await jsm.streams.update(name, config);
  return name;
}

/** The JetStream API error code of a failed request, if it was one. */
export function apiErrorCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('api_error' in error)) return undefined;
  return (error as { api_error?: { err_code?: number } }).api_error?.err_code;
}
