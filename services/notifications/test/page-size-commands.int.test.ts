import type { HeliClaims } from '@heli/auth';
import {
  countingCommands,
  graphql,
  queryPlans,
  startTestMongo,
  tokenFor,
  withCommandMonitoring,
  type TestMongo,
} from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsModels } from '../src/models.js';
import type { NotificationRecord } from '../src/notifications/notification.model.js';
import { createNotificationsSubgraph } from '../src/server.js';

/**
 * The bell's list (`Work.notifications`) and the `Work` entity cost the same database commands
 * for a page of 10 as of 50, and for 10 representations of the caller's `Work` as for 50.
 */
let mongo: TestMongo;
let subgraph: TestSubgraph<NotificationsModels>;

const reader: Partial<HeliClaims> = {
  sub: 'staff-page-reader',
  roles: ['STAFF'],
  clearance: 'SECRET',
  divisionId: 'div-a',
};

beforeAll(async () => {
  mongo = await startTestMongo();
  subgraph = await startTestSubgraph(createNotificationsSubgraph(), {
    MONGODB_URI: withCommandMonitoring(mongo.uri),
  });
  const start = Date.UTC(2026, 2, 1);
  await subgraph.models.notifications.insertMany(
    Array.from({ length: 55 }, (_, i): NotificationRecord => ({
      _id: `notification-${i}`,
      recipientStaffId: reader.sub!,
      kind: 'MATTER_ASSIGNED',
      subjectKind: 'MATTER',
      subjectId: `matter-${i}`,
      title: `事项 ${i}`,
      classification: 'INTERNAL',
      detail: null,
      eventId: `event-${i}`,
      occurredAt: new Date(start + i * 60_000),
      readAt: null,
    })),
  );
});

afterAll(async () => {
  await subgraph?.close();
  await mongo?.stop();
});

const WORK = `query($r: [_Any!]!, $n: Int) { _entities(representations: $r) { ... on Work {
  unreadNotificationCount
  notifications(first: $n) { totalCount edges { node { id title message } } } } } }`;

async function work(representations: number, pageSize: number) {
  return countingCommands(
    subgraph.conn,
    async () => {
      const res = await graphql(
        subgraph.url,
        WORK,
        {
          r: Array.from({ length: representations }, () => ({
            __typename: 'Work',
            staffId: reader.sub,
          })),
          n: pageSize,
        },
        { token: await tokenFor(reader) },
      );
      expect(res.body.errors).toBeUndefined();
      return (
        res.body.data as {
          _entities: { notifications: { edges: unknown[] } }[];
        }
      )._entities;
    },
    { collections: [subgraph.models.notifications.collection.collectionName] },
  );
}

function print(ten: { commands: string[] }, fifty: { commands: string[] }, what: string) {
  // PRINT_COMMANDS=1 prints the figures (commands per request at 10 and at 50) for a report.
  if (process.env['PRINT_COMMANDS']) {
    console.info(`${ten.commands.length}\t${fifty.commands.length}\t${what}`);
  }
}

describe('the bell', () => {
  it('costs the same commands for a page of 10 as of 50', async () => {
    const ten = await work(1, 10);
    const fifty = await work(1, 50);
    print(ten, fifty, 'Work.notifications(first: 10 | 50)');
    expect(ten.result[0]!.notifications.edges).toHaveLength(10);
    expect(fifty.result[0]!.notifications.edges).toHaveLength(50);
    expect(fifty.commands).toEqual(ten.commands);
  });

  it('costs the same commands for 10 representations of the caller’s Work as for 50', async () => {
    const ten = await work(10, 2);
    const fifty = await work(50, 2);
    print(ten, fifty, '_entities Work × 10 | 50');
    expect(ten.result).toHaveLength(10);
    expect(fifty.result).toHaveLength(50);
    expect(fifty.commands).toEqual(ten.commands);
  });

  it('reads its page through an index', async () => {
    const { sent } = await work(1, 10);
    const plans = await queryPlans(subgraph.conn, sent);
    expect(plans.filter((plan) => plan.startsWith('notifications:'))).not.toEqual([]);
    expect(plans.filter((plan) => plan.includes('COLLSCAN'))).toEqual([]);
  });
});
