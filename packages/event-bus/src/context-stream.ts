import { streamName, streamSubjects } from '@heli/event-contracts';
import { nanos, StorageType, type JetStreamManager, type StreamConfig } from 'nats';

/**
 * JetStream drops a second message with the same Nats-Msg-Id inside this window. The relay
 * publishes with the event id as message id, so a record re-published after a crash or an expired
 * lease is stored once — provided the retry happens inside the window (see OUTBOX_LEASE_MS).
 */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

/** Every event of one bounded context lives in one stream, `${NAMESPACE}_${CONTEXT}`. */
export function contextStreamConfig(namespace: string, context: string): Partial<StreamConfig> {
  return {
    name: streamName(namespace, context),
    subjects: [streamSubjects(namespace, context)],
    storage: StorageType.File,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
}

const STREAM_NOT_FOUND = 10059;

/**
 * Creates the context's stream, or brings an existing one to the current configuration. Safe to
 * call from every replica at start-up — the server accepts a second create with an identical
 * configuration — so publishers and consumers of a context each call it, whoever comes first.
 */
export async function ensureContextStream(
  jsm: JetStreamManager,
  namespace: string,
  context: string,
): Promise<string> {
  const config = contextStreamConfig(namespace, context);
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
