import type { EventDefinition, EventEnvelope } from '@heli/event-contracts';
import type { EventHandler, EventHandlers, HandlerTransaction } from './event-handler.js';

/**
 * Applies several events in one transaction. It gets every event of a pulled batch whose type it
 * handles, in delivery order, none of them applied before; its writes commit with their
 * `processed_events` markers or not at all.
 */
export type BatchEventHandler = (events: EventEnvelope[], tx: HandlerTransaction) => Promise<void>;

/**
 * Per-event handlers that stand for a batch handler. The consumer finds the batch handler behind
 * them and hands it a whole batch at once; every other path — a batch that failed and is retried
 * one by one, a dead-letter replay — calls the entry as a plain handler, with a batch of one. So a
 * batch handler goes wherever `EventHandlers` go (the subgraph runtime, the dead-letter registry)
 * and needs no second code path for single events.
 */
const batchHandlers = new WeakMap<EventHandler, BatchEventHandler>();

/**
 * Handler entries for `definitions`, all applied by one batch handler:
 * `handlers: { ...onBatch([matterCompleted, entryCited], async (events, { session }) => { … }) }`.
 * One function for several types, so a batch mixing them is still applied in one call.
 */
export function onBatch(
  definitions: readonly EventDefinition[],
  handler: BatchEventHandler,
): EventHandlers {
  const single: EventHandler = (event, tx) => handler([event], tx);
  batchHandlers.set(single, handler);
  return Object.fromEntries(definitions.map((definition) => [definition.fullType, single]));
}

/** The batch handler an entry made by `onBatch` stands for; undefined for a plain handler. */
export function batchHandlerOf(handler: EventHandler): BatchEventHandler | undefined {
  return batchHandlers.get(handler);
}
