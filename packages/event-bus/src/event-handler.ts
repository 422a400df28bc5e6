import type { EventData, EventDefinition, EventEnvelope } from '@heli/event-contracts';
import type { ClientSession } from 'mongoose';

/** What a handler gets besides the event: the session of the transaction its writes must join. */
export type HandlerTransaction = { session: ClientSession };

export type EventHandler<D = unknown> = (
  event: EventEnvelope<D>,
  tx: HandlerTransaction,
) => Promise<void>;

/** Handlers by full event type, e.g. 'heli.sharing.instruction.issued.v1'. */
export type EventHandlers = Record<string, EventHandler>;

/**
 * Types one handler entry by its event definition, so `event.data` is the contract's type:
 * `handlers: { ...on(divisionCreated, async (event, { session }) => { … }) }`.
 */
export function on<E extends EventDefinition>(
  definition: E,
  handler: EventHandler<EventData<E>>,
): EventHandlers {
  return { [definition.fullType]: handler as EventHandler };
}
