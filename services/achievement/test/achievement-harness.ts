import { claimsForStaff, demoDivisions, demoStaff, type DemoStaff } from '@heli/demo-data';
import { findEventDefinition, natsSubject, type EventEnvelope } from '@heli/event-contracts';
import { graphql, tokenFor, uniqueDbName, uniqueNamespace, type TestMongo } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { connect, type NatsConnection } from 'nats';
import type { AchievementModels } from '../src/models.js';
import { createAchievementSubgraph } from '../src/server.js';

/** People of the demo organisation the tests act as. */
export const PEOPLE = {
  director: 'staff-director',
  researchHead: 'staff-research-head',
  research1: 'staff-research-1',
  researchDeputy: 'staff-research-deputy',
  legalHead: 'staff-legal-head',
  legal1: 'staff-legal-1',
  general1Head: 'staff-general-1-head',
  general2Head: 'staff-general-2-head',
  general2Staff: 'staff-general-2-1',
  /** INTERNAL clearance, of 综合一处. */
  general1Junior: 'staff-general-1-2',
} as const;

/** The demo organisation as responsibility's events would have filled the directory. */
export async function seedDirectory(models: AchievementModels): Promise<void> {
  await models.directoryDivisions.insertMany(
    demoDivisions.map((d) => ({
      _id: d.id,
      officeId: d.officeId,
      name: d.name,
      kind: d.kind,
      headStaffId: d.headId,
    })),
  );
  await models.directoryStaff.insertMany(
    demoStaff.map((s: DemoStaff) => ({
      _id: s.id,
      officeId: s.officeId,
      divisionId: s.divisionId,
      name: s.name,
      clearance: s.clearance,
      active: true,
    })),
  );
}

/**
 * The achievement subgraph for one test file: its own database on a shared embedded MongoDB, its
 * own NATS namespace, the demo directory, and a NATS connection that publishes events the way the
 * other services' outbox relays do.
 */
export async function startAchievement(
  mongo: TestMongo,
  { namespace = uniqueNamespace(), seed = true } = {},
) {
  const subgraph: TestSubgraph<AchievementModels> = await startTestSubgraph(
    createAchievementSubgraph({ loadDemoData: false }),
    { MONGODB_URI: mongo.uri, MONGODB_DB: uniqueDbName('achievement'), HELI_NAMESPACE: namespace },
  );
  if (seed) await seedDirectory(subgraph.models);
  const natsUrl = subgraph.runtime.runtime.env.NATS_URL;
  const nc: NatsConnection = await connect({ servers: natsUrl.split(',') });
  const js = nc.jetstream();
  const tokens = new Map<string, string>();

  async function as<TData = Record<string, unknown>>(
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
  }

  return {
    url: subgraph.url,
    models: subgraph.models,
    conn: subgraph.conn,
    runtime: subgraph.runtime,
    namespace,
    as,
    /** Like `as`, for operations that must succeed: throws with the errors otherwise. */
    async ok<TData = Record<string, unknown>>(
      staffId: string,
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<TData> {
      const res = await as<TData>(staffId, query, variables);
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      return res.body.data as TData;
    },
    /** Publishes an envelope on its contract's subject, with `msgID` (the event id by default). */
    async publish(envelope: EventEnvelope, msgID: string = envelope.id) {
      const definition = findEventDefinition(envelope.type);
      if (!definition) throw new Error(`no contract for ${envelope.type}`);
      await js.publish(natsSubject(namespace, definition), JSON.stringify(envelope), { msgID });
    },
    /** Events achievement announced (in its outbox), of one type, oldest first. */
    async outboxEvents(type: string) {
      const records = await subgraph.conn
        .collection<{ envelope: EventEnvelope; createdAt: Date }>('outbox')
        .find({ 'envelope.type': type })
        .sort({ createdAt: 1 })
        .toArray();
      return records.map((record) => record.envelope);
    },
    async close() {
      await nc.drain();
      await subgraph.close();
    },
  };
}

export type Achievement = Awaited<ReturnType<typeof startAchievement>>;

export const ACHIEVEMENT_FIELDS = `id status kind title summary classification version
  leadDivision { id } coDivisions { id } authors { id } restrictedTo { id }
  origin { kind id } versions { version title note by { id } }`;

export const REGISTER = `mutation($input: RegisterAchievementInput!) {
  registerAchievement(input: $input) { ${ACHIEVEMENT_FIELDS} } }`;

/** A valid registration input for 调研室, changed by `overrides`. */
export function registration(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'RESEARCH_REPORT',
    title: '关于优化营商环境的调研报告',
    summary: '梳理全市营商环境短板，提出十项改进建议。',
    keywords: ['营商环境', '调研'],
    classification: 'INTERNAL',
    authorStaffIds: [PEOPLE.research1],
    ...overrides,
  };
}
