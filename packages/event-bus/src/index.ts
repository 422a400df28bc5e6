export {
  createOutbox,
  type Emit,
  type Outbox,
  type OutboxOptions,
  type OutboxTransaction,
} from './outbox.js';
export { createOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';
export {
  createEventConsumer,
  type EventConsumer,
  type EventConsumerOptions,
} from './event-consumer.js';
export {
  on,
  type EventHandler,
  type EventHandlers,
  type HandlerTransaction,
} from './event-handler.js';
export {
  deadLetters,
  DeadLetterReplayError,
  type ConsumerRegistry,
  type DeadLetterStore,
} from './dead-letters.js';
export { onBatch, type BatchEventHandler } from './batch-event-handler.js';
export type { ApplyOutcome } from './apply-event-once.js';
export type { DeadLetter, DeadLetterReason } from './dead-letter.js';
export type { OutboxRecord } from './outbox-record.js';
export type { ProcessedEvent } from './processed-event.js';
export type { ReplayFrom } from './durable-consumer.js';
export { exponentialBackoff, type Backoff, type BackoffOptions } from './backoff.js';
export {
  checkStreamReplicas,
  contextStreamConfig,
  ensureContextStream,
  DUPLICATE_WINDOW_MS,
  MAX_STREAM_REPLICAS,
} from './context-stream.js';
export { OUTBOX_COLLECTION } from './outbox-record.js';
export { PROCESSED_EVENTS_COLLECTION } from './processed-event.js';
export { DEAD_LETTERS_COLLECTION } from './dead-letter.js';
