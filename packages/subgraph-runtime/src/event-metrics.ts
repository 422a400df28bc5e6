import { DEAD_LETTERS_COLLECTION, OUTBOX_COLLECTION } from '@heli/event-bus';
import { addGaugeSource } from '@heli/telemetry';
import type mongoose from 'mongoose';
import type { NatsConnection } from 'nats';

/**
 * The event side of a subgraph on `/metrics`, read when Prometheus scrapes:
 * - `heli_outbox_backlog`: events written but not yet published to NATS (the relay is behind or
 *   NATS is down);
 * - `heli_consumer_pending`: messages a durable consumer has not yet taken, per stream (lag);
 * - `heli_dead_letters`: events parked after failing, per consumer (someone must replay them).
 */
export function eventMetrics(opts: {
  service: string;
  conn: mongoose.Connection;
  nats: NatsConnection;
  namespace: string;
  consumerNames: readonly string[];
}): () => void {
  const { service, conn, nats, namespace, consumerNames } = opts;
  const removers = [
    addGaugeSource(
      'heli_outbox_backlog',
      'Events in the outbox not yet published to NATS',
      ['service'],
      async () => [
        {
          labels: { service },
          value: await conn.collection(OUTBOX_COLLECTION).countDocuments({ publishedAt: null }),
        },
      ],
    ),
    addGaugeSource(
      'heli_dead_letters',
      'Events parked in dead letters, by consumer',
      ['service', 'consumer'],
      async () => {
        const counts = await conn
          .collection(DEAD_LETTERS_COLLECTION)
          .aggregate<{ _id: string; count: number }>([
            { $group: { _id: '$consumerName', count: { $sum: 1 } } },
          ])
          .toArray();
        const byConsumer = new Map(counts.map((c) => [c._id, c.count]));
        return [...new Set([...consumerNames, ...byConsumer.keys()])].map((consumer) => ({
          labels: { service, consumer },
          value: byConsumer.get(consumer) ?? 0,
        }));
      },
    ),
    addGaugeSource(
      'heli_consumer_pending',
      'Messages a durable consumer has not yet received, by consumer and stream',
      ['service', 'consumer', 'stream'],
      async () => {
        if (consumerNames.length === 0 || nats.isClosed()) return [];
        const jsm = await nats.jetstreamManager();
        const prefix = `${namespace.toUpperCase()}_`;
        const samples = [];
        for await (const stream of jsm.streams.names()) {
          if (!stream.startsWith(prefix)) continue;
          for (const consumer of consumerNames) {
            const info = await jsm.consumers.info(stream, consumer).catch(() => undefined);
            if (info) {
              samples.push({
                labels: { service, consumer, stream },
                value: info.num_pending + info.num_ack_pending,
              });
            }
          }
        }
        return samples;
      },
    ),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}
