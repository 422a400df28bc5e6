import { claimsForStaff, demoUsers, type DemoUser } from '@heli/demo-data';
import { responsibilityEvents } from '@heli/event-contracts';
import { graphql, outboxEvents, tokenFor } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { createResponsibilitySubgraph } from '../src/server.js';
import type { ResponsibilityModels } from '../src/models.js';

/**
 * The responsibility subgraph running in-process for one test file: its own embedded MongoDB,
 * NATS namespace and port, with helpers to query it as one of the demo users.
 */
export async function startResponsibility({ loadDemoData }: { loadDemoData: boolean }) {
  const subgraph: TestSubgraph<ResponsibilityModels> = await startTestSubgraph(
    createResponsibilitySubgraph({ loadDemoData }),
  );
  const tokens = new Map<DemoUser, string>();

  async function tokenOf(user: DemoUser): Promise<string> {
    let token = tokens.get(user);
    if (token === undefined) {
      token = await tokenFor(claimsForStaff(demoUsers[user]));
      tokens.set(user, token);
    }
    return token;
  }

  return {
    url: subgraph.url,
    runtime: subgraph.runtime.runtime,
    models: subgraph.runtime.runtime.models,
    close: () => subgraph.close(),

    /** Runs an operation as the demo user (the demo data need not be loaded for the token). */
    async as<TData = Record<string, unknown>>(
      user: DemoUser,
      query: string,
      variables?: Record<string, unknown>,
    ) {
      return graphql<TData>(subgraph.url, query, variables, await tokenOf(user));
    },

    /** The events in the outbox, oldest first, optionally of one type. */
    outboxEvents: (definition?: { fullType: string }) =>
      outboxEvents<Record<string, unknown>>(subgraph.conn, definition),
  };
}

export type Responsibility = Awaited<ReturnType<typeof startResponsibility>>;

export { responsibilityEvents };
