import type { HeliClaims } from '@heli/auth';
import { claimsForStaff, demoDivisions, demoStaff } from '@heli/demo-data';
import { ensureContextStream } from '@heli/event-bus';
import { createEnvelope, natsSubject, responsibilityEvents } from '@heli/event-contracts';
import {
  graphql,
  outboxEvents,
  startTestMongo,
  tokenFor,
  waitFor,
  withCommandMonitoring,
} from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { ManualClock } from '../src/clock.js';
import type { SharingModels } from '../src/models.js';
import { runSweeps } from '../src/schedule/sweeps.js';
import { createSharingSubgraph } from '../src/server.js';

/**
 * The sharing subgraph running in-process for one test file: its own embedded MongoDB, NATS
 * namespace and port, a clock the test moves by hand, and helpers to call it as a demo person.
 */
export async function startSharing({
  loadDemoData = false,
  monitorCommands = false,
  env = {},
}: {
  loadDemoData?: boolean;
  /** More variables for the subgraph, e.g. VIEWER_CACHE_MS for a test of that cache. */
  env?: Record<string, string>;
  /** Report every MongoDB command, for tests that count them (`countingCommands`). */
  monitorCommands?: boolean;
} = {}) {
  const clock = new ManualClock('2026-03-02T01:00:00.000Z');
  const mongo = monitorCommands ? await startTestMongo() : undefined;
  const subgraph: TestSubgraph<SharingModels> = await startTestSubgraph(
    createSharingSubgraph({ loadDemoData, clock, sweepIntervalMs: 0 }),
    { ...env, ...(mongo && { MONGODB_URI: withCommandMonitoring(mongo.uri) }) },
  );
  const runtime = subgraph.runtime.runtime;
  const tokens = new Map<string, string>();

  async function tokenOf(staffIdOrClaims: string | HeliClaims): Promise<string> {
    if (typeof staffIdOrClaims !== 'string') return tokenFor(staffIdOrClaims);
    let token = tokens.get(staffIdOrClaims);
    if (token === undefined) {
      token = await tokenFor(claimsForStaff(staffIdOrClaims));
      tokens.set(staffIdOrClaims, token);
    }
    return token;
  }

  return {
    url: subgraph.url,
    clock,
    runtime,
    models: runtime.models,
    conn: subgraph.conn,
    close: async () => {
      await subgraph.close();
      await mongo?.stop();
    },

    /**
     * Runs an operation as a demo staff member (by id) or as any claims. The body is loosely
     * typed: tests assert on its shape, which is what they are for.
     */
    async as(who: string | HeliClaims, query: string, variables?: Record<string, unknown>) {
      const { status, body } = await graphql(subgraph.url, query, variables, await tokenOf(who));
      return { status, body: body as { data: Json; errors: Json } };
    },

    /** Runs the time-driven work at the clock's current time. */
    sweep: () => runSweeps(runtime, clock),

    /** The events in the outbox, oldest first, optionally of one type. */
    outboxEvents: (definition?: { fullType: string }) =>
      outboxEvents<Record<string, Json>>(subgraph.conn, definition),

    /**
     * Plays the responsibility subgraph: publishes the demo organisation's division and staff
     * events on NATS, as responsibility does when it loads its demo data, and waits until the
     * sharing directory has taken them in.
     */
    async publishDemoOrganisation() {
      const { nats } = runtime;
      const namespace = runtime.env.HELI_NAMESPACE;
      await ensureContextStream(await nats.jetstreamManager(), namespace, 'responsibility');
      const js = nats.jetstream();
      const encoder = new TextEncoder();
      const publish = async (
        definition:
          typeof responsibilityEvents.divisionCreated | typeof responsibilityEvents.staffCreated,
        data: never,
        subject: string,
      ) => {
        const envelope = createEnvelope(definition, data, { source: 'responsibility', subject });
        await js.publish(
          natsSubject(namespace, definition),
          encoder.encode(JSON.stringify(envelope)),
          { msgID: envelope.id },
        );
      };
      for (const division of demoDivisions) {
        await publish(
          responsibilityEvents.divisionCreated,
          {
            divisionId: division.id,
            officeId: division.officeId,
            name: division.name,
            kind: division.kind,
            headStaffId: division.headId,
          } as never,
          division.id,
        );
      }
      for (const staff of demoStaff) {
        await publish(
          responsibilityEvents.staffCreated,
          {
            staffId: staff.id,
            officeId: staff.officeId,
            divisionId: staff.divisionId,
            name: staff.name,
            title: staff.title,
            roles: staff.roles,
            clearance: staff.clearance,
            active: true,
          } as never,
          staff.id,
        );
      }
      await waitFor(
        async () =>
          (await runtime.models.directoryDivisions.countDocuments()) === demoDivisions.length &&
          (await runtime.models.directoryStaff.countDocuments()) === demoStaff.length,
        { timeoutMs: 20_000, description: 'the directory to take in the demo organisation' },
      );
    },
  };
}

/**
 * A GraphQL response as the tests read it: any path may be followed, and the assertions are what
 * check its shape.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = any;

export type Sharing = Awaited<ReturnType<typeof startSharing>>;
