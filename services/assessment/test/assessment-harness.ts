import { claimsForStaff } from '@heli/demo-data';
import {
  createEnvelope,
  natsSubject,
  findEventDefinition,
  type EventEnvelope,
} from '@heli/event-contracts';
import {
  graphql,
  startTestMongo,
  tokenFor,
  uniqueDbName,
  uniqueNamespace,
  type TestMongo,
} from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { connect, type NatsConnection } from 'nats';
import type { AssessmentModels } from '../src/models.js';
import { createAssessmentSubgraph } from '../src/server.js';

/** People of the demo organisation the tests act as. */
export const PEOPLE = {
  assessor: 'staff-supervision-assessor',
  analyst: 'staff-research-analyst',
  director: 'staff-director',
  general1Head: 'staff-general-1-head',
  general2Head: 'staff-general-2-head',
  researchHead: 'staff-research-head',
} as const;

/**
 * The assessment subgraph for one test: its own database on a shared embedded MongoDB, its own
 * NATS namespace, and a separate NATS connection that publishes events the way the other
 * services' outbox relays do (envelope JSON on the contract's subject, event id as message id).
 */
export async function startAssessment(
  mongo: TestMongo,
  { loadDemoData = false, dbName = uniqueDbName('assessment'), namespace = uniqueNamespace() } = {},
) {
  const subgraph: TestSubgraph<AssessmentModels> = await startTestSubgraph(
    createAssessmentSubgraph({ loadDemoData }),
    { MONGODB_URI: mongo.uri, MONGODB_DB: dbName, HELI_NAMESPACE: namespace },
  );
  const natsUrl = subgraph.runtime.runtime.env.NATS_URL;
  const publisher = await startEventPublisher(namespace, natsUrl);
  const tokens = new Map<string, string>();

  return {
    url: subgraph.url,
    models: subgraph.models,
    conn: subgraph.conn,
    runtime: subgraph.runtime,
    dbName,
    namespace,
    natsUrl,
    async close() {
      await publisher.close();
      await subgraph.close();
    },

    publish: publisher.publish,
    publishRaw: publisher.publishRaw,

    async as<TData = Record<string, unknown>>(
      staffId: string,
      query: string,
      variables?: Record<string, unknown>,
    ) {
      let token = tokens.get(staffId);
      if (token === undefined) {
        token = await tokenFor(claimsForStaff(staffId));
        tokens.set(staffId, token);
      }
      return graphql<TData>(subgraph.url, query, variables, token);
    },

    /** Events assessment itself announced (in its outbox), of one type. */
    async outboxEvents(type: string) {
      const records = await subgraph.conn
        .collection<{ envelope: EventEnvelope; createdAt: Date }>('outbox')
        .find({ 'envelope.type': type })
        .sort({ createdAt: 1 })
        .toArray();
      return records.map((record) => record.envelope);
    },
  };
}

/**
 * Publishes into a namespace the way the other services' outbox relays do: the envelope's JSON on
 * its contract's subject, with the event id as JetStream message id.
 */
export async function startEventPublisher(namespace: string, natsUrl: string) {
  const nc: NatsConnection = await connect({ servers: natsUrl.split(',') });
  const js = nc.jetstream();
  const subjectOf = (type: string) => {
    const definition = findEventDefinition(type);
    if (!definition) throw new Error(`no contract for ${type}`);
    return natsSubject(namespace, definition);
  };
  return {
    /** `msgID` defaults to the event id; another one gets past JetStream's duplicate window. */
    async publish(envelope: EventEnvelope, msgID: string = envelope.id) {
      await js.publish(subjectOf(envelope.type), JSON.stringify(envelope), { msgID });
    },
    /** Raw bytes on an event type's subject, for events that break their contract. */
    async publishRaw(type: string, body: string, msgID: string) {
      await js.publish(subjectOf(type), body, { msgID });
    },
    close: () => nc.drain(),
  };
}

export type Assessment = Awaited<ReturnType<typeof startAssessment>>;

export { startTestMongo, createEnvelope };
