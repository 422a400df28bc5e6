import type { EventEnvelope } from '@heli/event-contracts';

/** What a consumer span says about the events it applies (OpenTelemetry messaging conventions). */
export function spanAttributes(
  consumerName: string,
  events: readonly EventEnvelope[],
): Record<string, string | number> {
  const [first] = events;
  return {
    'messaging.system': 'nats',
    'messaging.consumer.group.name': consumerName,
    'messaging.batch.message_count': events.length,
    ...(first && { 'messaging.message.id': first.id, 'cloudevents.event_type': first.type }),
  };
}
