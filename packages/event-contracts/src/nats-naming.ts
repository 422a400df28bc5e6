import type { EventDefinition } from './define-event.js';

/**
 * NATS names for events. The namespace is 'heli' in deployments and unique per test run, so runs
 * sharing one NATS server never see each other's streams or messages.
 */

/** The subject an event is published on: `${namespace}.${context}.${type}`, type dots kept. */
export function natsSubject(
  namespace: string,
  definition: Pick<EventDefinition, 'context' | 'type'>,
): string {
  return `${namespace}.${definition.context}.${definition.type}`;
}

/** The JetStream stream holding one context's events, e.g. 'HELI_RESPONSIBILITY'. */
export function streamName(namespace: string, context: string): string {
  return `${namespace}_${context}`.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** The subjects a context's stream captures: `${namespace}.${context}.>`. */
export function streamSubjects(namespace: string, context: string): string {
  return `${namespace}.${context}.>`;
}
