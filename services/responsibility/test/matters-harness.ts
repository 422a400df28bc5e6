import { claimsForStaff } from '@heli/demo-data';
import { graphql, startTestMongo, tokenFor, uniqueDbName, uniqueNamespace } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { loadDemoOrganisation } from '../src/demo/load-demo-organisation.js';
import type { ResponsibilityModels } from '../src/models.js';
import { createResponsibilitySubgraph } from '../src/server.js';
import { runSupervisionTick } from '../src/supervision/supervision-tick.js';
import type { SupervisionSettings } from '../src/supervision/supervision-settings.js';
import { ManualClock } from './manual-clock.js';

/**
 * What the tests read GraphQL answers as: JSON navigated by shape and asserted field by field —
 * a type per query would repeat the SDL and catch nothing a failing assertion does not.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = any;

/** Thresholds the tests reason with; the scheduler is off so only the test ticks. */
export const TEST_SUPERVISION: SupervisionSettings = {
  reminderBeforeHours: 48,
  orangeAfterHours: 72,
  redAfterHours: 168,
  schedulerIntervalMs: 0,
};

/** Thursday 26 November 2026, 09:00 in Harbin: where every test's clock starts. */
export const TEST_START = new Date('2026-11-26T09:00:00+08:00');

export const OFFICE_LEADER = 'staff-executive-deputy';

/**
 * The responsibility subgraph for a test file with the demo organisation (not the demo matters)
 * loaded, a manual clock, helpers to act as any demo staff member and to read the outbox.
 * `replicas: 2` starts two instances on one database and NATS namespace, as in production.
 */
export async function startMatters({
  replicas = 1,
  monitorCommands = false,
  supervision = TEST_SUPERVISION,
  env = {},
}: {
  replicas?: number;
  monitorCommands?: boolean;
  supervision?: SupervisionSettings;
  /** More variables for the subgraph, e.g. a higher MAX_COST for a test about batching. */
  env?: Record<string, string>;
} = {}) {
  const clock = new ManualClock(TEST_START);
  const mongo = await startTestMongo();
  const shared = {
    MONGODB_URI: monitorCommands ? `${mongo.uri}&monitorCommands=true` : mongo.uri,
    MONGODB_DB: uniqueDbName('responsibility'),
    HELI_NAMESPACE: uniqueNamespace(),
    ...env,
  };
  const instances: TestSubgraph<ResponsibilityModels>[] = [];
  try {
    for (let i = 0; i < replicas; i++) {
      instances.push(
        await startTestSubgraph(
          createResponsibilitySubgraph({
            loadDemoData: false,
            clock,
            supervision,
          }),
          shared,
        ),
      );
    }
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.close()));
    await mongo.stop();
    throw error;
  }
  const [first] = instances as [TestSubgraph<ResponsibilityModels>];
  const runtime = first.runtime.runtime;
  await loadDemoOrganisation(runtime);
  const tokens = new Map<string, string>();

  async function tokenOf(staffId: string): Promise<string> {
    let token = tokens.get(staffId);
    if (token === undefined) {
      token = await tokenFor(claimsForStaff(staffId));
      tokens.set(staffId, token);
    }
    return token;
  }

  return {
    clock,
    url: first.url,
    instances,
    runtime,
    models: runtime.models,
    conn: first.conn,
    namespace: shared.HELI_NAMESPACE,

    async close() {
      for (const instance of instances) await instance.close();
      await mongo.stop();
    },

    /** Runs an operation as a demo staff member (by staff id). */
    async as<TData = Record<string, Data>>(
      staffId: string,
      query: string,
      variables?: Record<string, unknown>,
    ) {
      return graphql<TData>(first.url, query, variables, await tokenOf(staffId));
    },

    /** Like `as`, but fails the test on any error and returns `data`. */
    async ok<TData = Record<string, Data>>(
      staffId: string,
      query: string,
      variables?: Record<string, unknown>,
    ) {
      const { body } = await graphql<TData>(first.url, query, variables, await tokenOf(staffId));
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data!;
    },

    /** The supervision tick on the first replica at the clock's time. */
    tick: (now = clock.now()) => runSupervisionTick(runtime, now, TEST_SUPERVISION),

    /** The events in the outbox, oldest first, optionally of one type. */
    async outboxEvents(definition?: { fullType: string }) {
      const records = await first.conn
        .collection<{ envelope: OutboxEnvelope }>('outbox')
        .find(definition ? { 'envelope.type': definition.fullType } : {})
        .sort({ createdAt: 1 })
        .toArray();
      return records.map((record) => record.envelope);
    },
  };
}

export interface OutboxEnvelope {
  id: string;
  type: string;
  subject: string;
  data: Record<string, Data>;
}

export type Matters = Awaited<ReturnType<typeof startMatters>>;

/** ISO time `hours` after the test start. */
export function hoursFromStart(hours: number): string {
  return new Date(TEST_START.getTime() + hours * 3_600_000).toISOString();
}

export const MATTER_FIELDS = `
  id title status version source sourceRef classification deadline priority
  reportedPercent progress overdue escalationLevel completedOnTime completedAt
  reportFrequency nextReportDueAt availableActions
  leadDivision { id name } coDivisions { id } responsibleStaff { id name }
  result { text submittedAt submittedBy { id } }
  history { action from to by { id } at note }
`;

export const CREATE = `
  mutation Create($input: CreateAssignmentInput!) {
    createAssignment(input: $input) { ${MATTER_FIELDS} }
  }`;

/** Creates a matter as office leadership and returns it. */
export async function assign(matters: Matters, input: Record<string, unknown> = {}) {
  const data = await matters.ok<{ createAssignment: Record<string, Data> }>(OFFICE_LEADER, CREATE, {
    input: {
      title: '起草政务资源整合实施方案',
      requirements: '报送方案初稿',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-research'],
      responsibleStaffIds: ['staff-general-1-1'],
      deadline: hoursFromStart(24 * 10),
      ...input,
    },
  });
  return data.createAssignment;
}
