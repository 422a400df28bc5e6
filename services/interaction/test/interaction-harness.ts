import { claimsForStaff, demoDivisions, demoOffices, demoStaff } from '@heli/demo-data';
import { graphql, startTestMongo, tokenFor, withCommandMonitoring } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { connect, type NatsConnection } from 'nats';
import { expect } from 'vitest';
import type { InteractionModels } from '../src/models.js';
import { createInteractionSubgraph, ManualClock } from '../src/server.js';

/** GraphQL answers are navigated by shape and asserted field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = any;

/** Thursday 26 November 2026, 09:00 in Harbin: where every test's clock starts. */
export const TEST_START = new Date('2026-11-26T09:00:00+08:00');
export const DIRECTOR = 'staff-director';

export interface Interaction {
  subgraph: TestSubgraph<InteractionModels>;
  models: InteractionModels;
  clock: ManualClock;
  namespace: string;
  nc: NatsConnection;
  /** A request as the demo staff member `staffId`; returns the whole response. */
  as(staffId: string, query: string, variables?: Record<string, unknown>): Promise<Data>;
  /** A request that must succeed; returns `data`. */
  ok(staffId: string, query: string, variables?: Record<string, unknown>): Promise<Data>;
  close(): Promise<void>;
}

/**
 * The interaction subgraph for one test file: its own embedded MongoDB and NATS namespace, a
 * manual clock, the overdue scan off, and the directory and known offices holding the demo
 * organisation (written directly: responsibility is not running here).
 */
export async function startInteraction({
  monitorCommands = false,
  ...options
}: {
  maxTopicsPerResearcher?: number;
  /** Report every MongoDB command, for tests that count them (`countingCommands`). */
  monitorCommands?: boolean;
} = {}): Promise<Interaction> {
  const clock = new ManualClock(TEST_START);
  const mongo = monitorCommands ? await startTestMongo() : undefined;
  const subgraph = await startTestSubgraph(
    createInteractionSubgraph({ loadDemoData: false, clock, overdueScanIntervalMs: 0, ...options }),
    mongo ? { MONGODB_URI: withCommandMonitoring(mongo.uri) } : {},
  );
  const models = subgraph.models;
  await models.directoryDivisions.insertMany(
    demoDivisions.map((d) => ({
      _id: d.id,
      officeId: d.officeId,
      name: d.name,
      kind: d.kind,
      headStaffId: d.headId,
    })),
  );
  await models.knownOffices.insertMany(
    demoOffices.map((o) => ({ _id: o.id, name: o.name, kind: o.kind })),
  );
  await models.directoryStaff.insertMany(
    demoStaff.map((s) => ({
      _id: s.id,
      officeId: s.officeId,
      divisionId: s.divisionId,
      name: s.name,
      clearance: s.clearance,
      active: true,
    })),
  );
  const env = subgraph.runtime.runtime.env;
  const nc = await connect({ servers: env.NATS_URL.split(',') });
  const as = async (staffId: string, query: string, variables?: Record<string, unknown>) =>
    (
      await graphql(subgraph.url, query, variables, {
        token: await tokenFor(claimsForStaff(staffId)),
      })
    ).body;
  return {
    subgraph,
    models,
    clock,
    namespace: env.HELI_NAMESPACE,
    nc,
    as,
    ok: async (staffId, query, variables) => {
      const body = await as(staffId, query, variables);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data;
    },
    close: async () => {
      await nc.drain();
      await subgraph.close();
      await mongo?.stop();
    },
  };
}

export const SCHEDULE = /* GraphQL */ `
  mutation ($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      id
      status
    }
  }
`;
export const ADD_ITEM = /* GraphQL */ `
  mutation ($meetingId: ID!, $input: AgendaItemInput!) {
    addAgendaItem(meetingId: $meetingId, input: $input) {
      id
      agenda {
        id
        kind
      }
    }
  }
`;
export const SIGN_IN = /* GraphQL */ `
  mutation ($meetingId: ID!) {
    signInToMeeting(meetingId: $meetingId) {
      id
      signIns {
        staff {
          id
        }
      }
    }
  }
`;
export const CLOSE = /* GraphQL */ `
  mutation ($meetingId: ID!, $minutes: String!) {
    closeMeeting(meetingId: $meetingId, minutes: $minutes) {
      id
      status
      absentDivisions {
        id
      }
      decisions {
        id
        status
        text
        leadDivision {
          id
        }
      }
    }
  }
`;

const hoursLater = (clock: ManualClock, hours: number) =>
  new Date(clock.now().getTime() + hours * 3_600_000).toISOString();

/** A 议政会 tomorrow chaired by the director, with three divisions asked and two 部署 items. */
export async function deliberationWithTwoDeployments(interaction: Interaction) {
  const { ok, clock } = interaction;
  const scheduled = await ok(DIRECTOR, SCHEDULE, {
    input: {
      kind: 'DELIBERATION',
      title: '第十三次议政会',
      startsAt: hoursLater(clock, 24),
      place: '市委办公厅第一会议室',
      chairStaffId: DIRECTOR,
      attendingDivisionIds: ['div-general-1', 'div-information', 'div-research'],
      organiserDivisionId: 'div-meetings',
    },
  });
  const meetingId: string = scheduled.scheduleMeeting.id;
  await ok(DIRECTOR, ADD_ITEM, {
    meetingId,
    input: {
      kind: 'BRIEFING',
      title: '通报市委常委会议精神',
      content: '传达市委常委会第45次会议精神',
    },
  });
  for (const [title, lead] of [
    ['建立政务信息共享目录', 'div-information'],
    ['开展营商环境专题调研', 'div-research'],
  ] as const) {
    await ok(DIRECTOR, ADD_ITEM, {
      meetingId,
      input: {
        kind: 'DEPLOYMENT',
        title,
        deployment: {
          leadDivisionId: lead,
          coDivisionIds: ['div-general-1'],
          deadline: hoursLater(clock, 24 * 30),
          requirements: '年底前拿出方案并报厅领导审定',
        },
      },
    });
  }
  return meetingId;
}
