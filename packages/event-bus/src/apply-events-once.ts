import { withEventSpan } from '@heli/telemetry';
import { spanAttributes } from './event-span.js';
import type { EventEnvelope } from '@heli/event-contracts';
import { runWithRequestContext } from '@heli/service-kit';
import type { Connection } from 'mongoose';
import { batchHandlerOf, type BatchEventHandler } from './batch-event-handler.js';
import type { EventHandler } from './event-handler.js';
import { processedEventId, processedEventsCollection } from './processed-event.js';

export type BatchOutcome = { applied: number; alreadyApplied: number };

/**
 * Applies a batch of events at most once per consumer in ONE transaction: one `$in` lookup of
 * their `processed_events` markers, the handlers for the events not applied yet, one insert of
 * their markers, one commit — instead of a transaction per event. Markers and effects still
 * commit atomically, so a redelivered batch (or any part of it) finds its markers and changes
 * nothing. Any failure — a handler throwing, a concurrent delivery inserting a marker first
 * (duplicate key) — rolls the whole batch back and is thrown; the caller then retries the events
 * one by one (`applyEventOnce`), which isolates a poison event and settles the duplicates.
 *
 * Events are distinct (the caller drops repeats of an id). Plain handlers run one event at a time
 * in delivery order, each in its event's request context; each batch handler runs once, with all
 * of its events in delivery order, at the position of its first event.
 */
export async function applyEventsOnce(
  conn: Connection,
  consumerName: string,
  events: readonly EventEnvelope[],
  handlerOf: (event: EventEnvelope) => EventHandler,
): Promise<BatchOutcome> {
  const processed = processedEventsCollection(conn);
  return conn.transaction(async (session) => {
    const ids = events.map((event) => processedEventId(consumerName, event.id));
    const done = new Set(
      (
        await processed.find({ _id: { $in: ids } }, { session, projection: { _id: 1 } }).toArray()
      ).map(({ _id }) => _id),
    );
    const pending = events.filter((event) => !done.has(processedEventId(consumerName, event.id)));
    if (pending.length === 0) return { applied: 0, alreadyApplied: events.length };

    const processedAt = new Date();
    // Markers first: a concurrent delivery that committed one meanwhile fails the batch here,
    // before any handler ran, and the one-by-one retry then sees the event as already applied.
    await processed.insertMany(
      pending.map((event) => ({
        _id: processedEventId(consumerName, event.id),
        consumerName,
        eventId: event.id,
        type: event.type,
        processedAt,
      })),
      { session },
    );
    for (const step of planSteps(pending, handlerOf)) {
      if (step.kind === 'single') {
        const { event, handler } = step;
        await runWithRequestContext({ requestId: event.requestid ?? event.id }, () =>
          withEventSpan(
            `consume ${event.type}`,
            [event.traceparent],
            spanAttributes(consumerName, [event]),
            () => handler(event, { session }),
          ),
        );
      } else {
        const { events } = step;
        await withEventSpan(
          `consume batch of ${events.length}`,
          events.map((e) => e.traceparent),
          spanAttributes(consumerName, events),
          () => step.handler(events, { session }),
        );
      }
    }
    return { applied: pending.length, alreadyApplied: events.length - pending.length };
  });
}

type Step =
  | { kind: 'single'; event: EventEnvelope; handler: EventHandler }
  | { kind: 'batch'; events: EventEnvelope[]; handler: BatchEventHandler };

function planSteps(
  events: readonly EventEnvelope[],
  handlerOf: (event: EventEnvelope) => EventHandler,
): Step[] {
  const steps: Step[] = [];
  const batchSteps = new Map<BatchEventHandler, Extract<Step, { kind: 'batch' }>>();
  for (const event of events) {
    const handler = handlerOf(event);
    const batchHandler = batchHandlerOf(handler);
    if (!batchHandler) {
      steps.push({ kind: 'single', event, handler });
      continue;
    }
    const step = batchSteps.get(batchHandler);
    if (step) {
      step.events.push(event);
    } else {
      const created = { kind: 'batch' as const, events: [event], handler: batchHandler };
      batchSteps.set(batchHandler, created);
      steps.push(created);
    }
  }
  return steps;
}
