// Scoring throughput and publish-to-visible-score latency of the assessment subgraph, against the
// embedded MongoDB-wire server and the real NATS (nats://127.0.0.1:4222 unless NATS_URL is set).
//   pnpm --filter @heli/assessment bench
// Prints figures; asserts nothing (speed goals: ≥ 1,000 events/s, p99 ≤ 500 ms at 200 events/s).
import type { EventEnvelope } from '@heli/event-contracts';
import { startMongoProcess, uniqueDbName, uniqueNamespace } from '@heli/testkit';
import { startTestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import mongoose from 'mongoose';
import { recordScoringEvents } from '../src/ledger/record-scoring-event.js';
import { assessmentModels } from '../src/models.js';
import { createAssessmentSubgraph } from '../src/server.js';
import type { AssessmentModels } from '../src/models.js';
import { startEventPublisher } from '../test/assessment-harness.js';
import { entryCited, matterCompleted } from '../test/event-builders.js';

const BACKLOG_EVENTS = 10_000;
const LATENCY_RATE_PER_S = 200;
const LATENCY_SECONDS = 15;
const POLL_MS = 10;
const WATCHED_PER_STREAM = 50;

const DIVISIONS = [
  'div-general-1',
  'div-general-2',
  'div-research',
  'div-legal',
  'div-information',
  'div-meetings',
];

/** Every event gets a score entry (0 points once its cap is used up), over both consuming streams. */
function benchEvent(i: number, prefix: string): EventEnvelope {
  const division = DIVISIONS[i % DIVISIONS.length]!;
  const at = new Date(Date.UTC(2026, 0, 1) + (i % 330) * 86_400_000).toISOString();
  const id = `${prefix}-${i}`;
  if (i % 3 === 0) return matterCompleted({ leadDivisionId: division, onTime: true, at, id });
  if (i % 3 === 1)
    return entryCited({ sourceDivisionId: division, citingDivisionId: 'div-documents', at, id });
  return matterCompleted({ leadDivisionId: division, onTime: false, at, id });
}

const mongo = await startMongoProcess();
const env = {
  MONGODB_URI: mongo.uri,
  MONGODB_DB: uniqueDbName('assessment-bench'),
  HELI_NAMESPACE: uniqueNamespace(),
};
const startService = () =>
  startTestSubgraph(createAssessmentSubgraph({ loadDemoData: false }), env);

async function waitUntil(predicate: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('bench timed out');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Where the time goes: the commands scoring costs per event, timed by the driver's command
 * monitoring, with one transaction per event (as the consumer falls back to when a batch fails)
 * and with one per pulled batch (as it normally runs). Each transaction first does what the
 * event-bus's exactly-once step does — look up the batch's `processed_events` markers with one
 * `$in` and insert them — then `recordScoringEvents`, on a connection of its own: the service's
 * connection is built by the runtime without monitoring.
 */
async function profileRoundTrips(uri: string, batchSize: number): Promise<void> {
  const events = 1_000;
  const conn = mongoose.createConnection(uri, {
    dbName: uniqueDbName('assessment-profile'),
    monitorCommands: true,
  });
  await conn.asPromise();
  const models = assessmentModels(conn);
  await Promise.all(Object.values(models).map((model) => model.init()));
  const timings = new Map<string, number[]>();
  const started = new Map<number, string>();
  const client = conn.getClient();
  client.on('commandStarted', (event) => {
    const target = event.command[event.commandName];
    started.set(
      event.requestId,
      `${event.commandName}${typeof target === 'string' ? ` ${target}` : ''}`,
    );
  });
  client.on('commandSucceeded', (event) => {
    const name = started.get(event.requestId) ?? event.commandName;
    timings.set(name, [...(timings.get(name) ?? []), event.duration]);
  });
  const processed = conn.collection<{ _id: string }>('processed_events');
  const begin = performance.now();
  for (let start = 0; start < events; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, events - start) }, (_, i) =>
      benchEvent(start + i, 'profile'),
    );
    await conn.transaction(async (session) => {
      const markers = batch.map((event) => ({ _id: `profile:${event.id}` }));
      await processed.find({ _id: { $in: markers.map(({ _id }) => _id) } }, { session }).toArray();
      await processed.insertMany(markers, { session });
      await recordScoringEvents(models, session, batch);
    });
  }
  const perEvent = (performance.now() - begin) / events;
  console.log(
    `where the time goes (${batchSize === 1 ? 'one transaction per event' : `one transaction per ${batchSize} events`}, ` +
      `${events} events, ${perEvent.toFixed(2)} ms per event = ${(1000 / perEvent).toFixed(0)} events/s):`,
  );
  let commandMs = 0;
  for (const [name, durations] of [...timings].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const total = durations.reduce((sum, d) => sum + d, 0);
    commandMs += total;
    console.log(
      `  ${name.padEnd(28)} ${(durations.length / events).toFixed(2)} per event × ${(total / durations.length).toFixed(2)} ms`,
    );
  }
  console.log(
    `  round trips account for ${(commandMs / events).toFixed(2)} of ${perEvent.toFixed(2)} ms per event`,
  );
  await conn.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

try {
  // 1. Sustained throughput: a backlog published while the service is down, then drained.
  const first = await startService(); // creates the streams and the durable consumer
  const natsUrl = first.runtime.runtime.env.NATS_URL;
  await first.close();
  const publisher = await startEventPublisher(env.HELI_NAMESPACE, natsUrl);
  for (let i = 0; i < BACKLOG_EVENTS; i += 1) await publisher.publish(benchEvent(i, 'backlog'));

  const service = await startService();
  const models: AssessmentModels = service.models;
  await waitUntil(
    async () => (await models.scoringEvents.estimatedDocumentCount()) >= BACKLOG_EVENTS,
    600_000,
  );
  const drainedAt = Date.now();
  // From the first event the consumer stored, so the service's start-up is not counted: the
  // figure is the consumer draining a backlog. The service runs in this process, on this clock.
  const firstStored = await models.scoringEvents
    .findOne({}, { receivedAt: 1 })
    .sort({ receivedAt: 1 })
    .lean();
  const seconds = (drainedAt - firstStored!.receivedAt.getTime()) / 1000;
  console.log(
    `throughput: a backlog of ${BACKLOG_EVENTS} events drained in ${seconds.toFixed(2)} s = ${(BACKLOG_EVENTS / seconds).toFixed(0)} events/s (target ≥ 1000)`,
  );

  // 2. Latency at a steady rate: publish time → the event's score entry is readable.
  const total = LATENCY_RATE_PER_S * LATENCY_SECONDS;
  // Pending events per context stream, in publish order: each stream is consumed in order, so
  // asking for the oldest few of each finds every event soon after it becomes visible without
  // loading the database with a query for thousands of ids.
  const pending = new Map<string, Map<string, number>>();
  const latencies: number[] = [];
  let publishing = true;
  const watcher = (async () => {
    while (publishing || [...pending.values()].some((events) => events.size > 0)) {
      const oldest = [...pending.values()].flatMap((events) =>
        [...events.keys()].slice(0, WATCHED_PER_STREAM),
      );
      if (oldest.length > 0) {
        const visible = await models.scoreEntries
          .find({ 'source.eventId': { $in: oldest } }, { 'source.eventId': 1 })
          .lean();
        const now = performance.now();
        for (const { source } of visible) {
          for (const events of pending.values()) {
            const sent = events.get(source.eventId);
            if (sent === undefined) continue;
            latencies.push(now - sent);
            events.delete(source.eventId);
          }
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  const intervalMs = 1000 / LATENCY_RATE_PER_S;
  const origin = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = origin + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const event = benchEvent(i, 'latency');
    const context = event.source;
    if (!pending.has(context)) pending.set(context, new Map());
    pending.get(context)!.set(event.id, performance.now());
    await publisher.publish(event);
  }
  const achievedRate = total / ((performance.now() - origin) / 1000);
  publishing = false;
  await watcher;
  latencies.sort((a, b) => a - b);
  console.log(
    `latency at ${achievedRate.toFixed(0)} events/s over ${LATENCY_SECONDS} s (${latencies.length} events): ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
      `max ${latencies.at(-1)!.toFixed(1)} ms (target p99 ≤ 500 ms; includes ≤ ${POLL_MS} ms polling)`,
  );

  await publisher.close();
  await service.close();

  await profileRoundTrips(mongo.uri, 1);
  await profileRoundTrips(mongo.uri, 100);
} finally {
  await mongo.stop();
}
