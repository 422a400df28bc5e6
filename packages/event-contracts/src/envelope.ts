import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventData, EventDefinition } from './define-event.js';
import { EventContractError } from './event-contract-error.js';
import { describeIssues } from './describe-issues.js';

/**
 * A CloudEvents 1.0 event in structured JSON mode. `requestid` is a CloudEvents extension
 * attribute (lower-case alphanumerics only, as the spec requires) carrying the request that caused
 * the event, so one id can be followed from the gateway through every service it touches.
 */
export interface EventEnvelope<D = unknown> {
  specversion: '1.0';
  id: string;
  /** The service that published the event, e.g. 'responsibility'. */
  source: string;
  /** The full event type, e.g. 'heli.responsibility.organisation.division.created.v1'. */
  type: string;
  /** The id of the entity the event is about. */
  subject: string;
  /** When it happened, RFC 3339. */
  time: string;
  datacontenttype: 'application/json';
  requestid?: string;
  /**
   * W3C trace context of the span that emitted the event (CloudEvents distributed-tracing
   * extension), so a consumer's work joins the emitting request's trace. Optional: events from
   * before tracing, or emitted while not tracing, have none.
   */
  traceparent?: string;
  data: D;
}

export const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  requestid: z.string().min(1).optional(),
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/)
    .optional(),
  data: z.unknown(),
});

export interface EnvelopeOptions {
  source: string;
  subject: string;
  requestId?: string;
  /** W3C `traceparent` of the emitting span. */
  traceparent?: string;
  /** Defaults to a random UUID. */
  id?: string;
  /** Defaults to now. */
  time?: Date;
}

/**
 * Wraps data into an envelope of the given type, validating it first: an event that breaks its
 * contract is refused when published rather than discovered by every consumer.
 */
export function createEnvelope<E extends EventDefinition>(
  definition: E,
  data: z.input<E['data']>,
  options: EnvelopeOptions,
): EventEnvelope<EventData<E>> {
  const parsed = definition.data.safeParse(data);
  if (!parsed.success) {
    throw new EventContractError(
      `${definition.fullType}: invalid data: ${describeIssues(parsed.error.issues)}`,
      definition.fullType,
    );
  }
  return {
    specversion: '1.0',
    id: options.id ?? randomUUID(),
    source: options.source,
    type: definition.fullType,
    subject: options.subject,
    time: (options.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    ...(options.requestId !== undefined ? { requestid: options.requestId } : {}),
    ...(options.traceparent !== undefined ? { traceparent: options.traceparent } : {}),
    data: parsed.data as EventData<E>,
  };
}

/** Narrows a parsed envelope to one event type, e.g. inside a handler for several types. */
export function isEvent<E extends EventDefinition>(
  envelope: EventEnvelope,
  definition: E,
): envelope is EventEnvelope<EventData<E>> {
  return envelope.type === definition.fullType;
}
