import type { HeliClaims } from '@heli/auth';
import { ensureContextStream } from '@heli/event-bus';
import {
  assignmentEvents,
  createEnvelope,
  natsSubject,
  responsibilityEvents,
  sharingEvents,
  type EventDefinition,
  type EventData,
  type EventEnvelope,
} from '@heli/event-contracts';
import { graphql, tokenFor, waitFor } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsModels } from '../src/models.js';
import { createNotificationsSubgraph } from '../src/server.js';

// The notifications subgraph on the embedded MongoDB and real NATS, fed the events the other
// services publish, read through its GraphQL and its Server-Sent Events stream.

let subgraph: TestSubgraph<NotificationsModels>;
let origin: string;

const people = {
  director: {
    sub: 'staff-dir',
    roles: ['OFFICE_LEADER'],
    clearance: 'TOP_SECRET',
    divisionId: null,
  },
  head: { sub: 'staff-a-head', roles: ['DIVISION_HEAD'], clearance: 'SECRET', divisionId: 'div-a' },
  clerk: { sub: 'staff-a-1', roles: ['STAFF'], clearance: 'INTERNAL', divisionId: 'div-a' },
  other: { sub: 'staff-b-1', roles: ['STAFF'], clearance: 'SECRET', divisionId: 'div-b' },
} satisfies Record<string, Partial<HeliClaims>>;
type Person = keyof typeof people;

const now = () => new Date().toISOString();
let sequence = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now()}-${++sequence}`;

async function publish<E extends EventDefinition>(
  definition: E,
  data: EventData<E>,
  envelope?: EventEnvelope,
): Promise<EventEnvelope> {
  const event =
    envelope ??
    createEnvelope(definition, data as never, { source: definition.context, subject: 'x' });
  const { nats, env } = subgraph.runtime.runtime;
  await ensureContextStream(await nats.jetstreamManager(), env.HELI_NAMESPACE, definition.context);
  // A fresh message id each time, so JetStream's duplicate window does not hide a redelivery.
  await nats
    .jetstream()
    .publish(natsSubject(env.HELI_NAMESPACE, definition), JSON.stringify(event), {
      msgID: `${event.id}:${++sequence}`,
    });
  return event;
}

const WORK = `query ($staffId: ID!, $unreadOnly: Boolean) {
  _entities(representations: [{ __typename: "Work", staffId: $staffId }]) {
    ... on Work {
      unreadNotificationCount
      notifications(first: 50, unreadOnly: $unreadOnly) {
        totalCount
        edges { node { id kind title message subjectKind subjectId readAt } }
      }
    }
  }
}`;

type WorkView = {
  unreadNotificationCount: number;
  notifications: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        kind: string;
        title: string | null;
        message: string;
        subjectKind: string;
        subjectId: string;
        readAt: string | null;
      };
    }[];
  };
};

async function as<T>(person: Person, query: string, variables: Record<string, unknown> = {}) {
  const res = await graphql(subgraph.url, query, variables, {
    token: await tokenFor(people[person]),
  });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data as T;
}

async function workOf(person: Person, unreadOnly = false): Promise<WorkView> {
  const data = await as<{ _entities: WorkView[] }>(person, WORK, {
    staffId: people[person].sub,
    unreadOnly,
  });
  return data._entities[0]!;
}

const about = (work: WorkView, subjectId: string) =>
  work.notifications.edges.map((edge) => edge.node).filter((n) => n.subjectId === subjectId);

function assignMatter(id: string, classification: 'INTERNAL' | 'SECRET', title: string) {
  return publish(assignmentEvents.assignmentCreated, {
    assignmentId: id,
    parentAssignmentId: null,
    leadDivisionId: 'div-a',
    coDivisionIds: [],
    classification,
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    title,
    source: 'LEADERSHIP',
    sourceRef: null,
    assignedByStaffId: people.director.sub,
    responsibleStaffIds: [people.clerk.sub],
    priority: 'NORMAL',
    createdAt: now(),
  });
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(createNotificationsSubgraph({ heartbeatMs: 1_000 }));
  origin = new URL(subgraph.url).origin;
  for (const [divisionId, headStaffId] of [
    ['div-a', people.head.sub],
    ['div-b', null],
  ] as const) {
    await publish(responsibilityEvents.divisionCreated, {
      divisionId,
      officeId: 'office-1',
      name: divisionId,
      kind: 'DIVISION',
      headStaffId,
    });
  }
  for (const person of Object.values(people)) {
    await publish(responsibilityEvents.staffCreated, {
      staffId: person.sub,
      officeId: 'office-1',
      divisionId: person.divisionId,
      name: person.sub,
      title: '',
      roles: person.roles as never,
      clearance: person.clearance as never,
      active: true,
    });
  }
  await waitFor(async () => (await subgraph.models.directoryStaff.countDocuments()) === 4, {
    timeoutMs: 30_000,
    description: 'the directory',
  });
}, 120_000);

afterAll(async () => {
  await subgraph?.close();
});

describe('a matter assigned to a division', () => {
  it('tells its head and its 责任人, not the leader who assigned it, and links to the matter', async () => {
    const matterId = uniqueId('matter');
    await assignMatter(matterId, 'INTERNAL', '研究制定年度督查计划');

    await waitFor(async () => about(await workOf('head'), matterId).length === 1, {
      timeoutMs: 30_000,
      description: 'the head’s notification',
    });
    const [forHead] = about(await workOf('head'), matterId);
    expect(forHead).toMatchObject({
      kind: 'MATTER_ASSIGNED',
      title: '研究制定年度督查计划',
      message: '新交办事项：“研究制定年度督查计划”，请及时签收办理',
      subjectKind: 'MATTER',
      readAt: null,
    });
    expect(about(await workOf('clerk'), matterId)).toHaveLength(1);
    expect(about(await workOf('director'), matterId)).toHaveLength(0);
    expect(about(await workOf('other'), matterId)).toHaveLength(0);
  });

  it('adds nothing when the same event is delivered again', async () => {
    const matterId = uniqueId('matter');
    const event = await assignMatter(matterId, 'INTERNAL', '重复投递的事项');
    await waitFor(async () => about(await workOf('head'), matterId).length === 1, {
      timeoutMs: 30_000,
      description: 'the first delivery',
    });
    const before = (await workOf('head')).unreadNotificationCount;

    await publish(assignmentEvents.assignmentCreated, event.data as never, event);
    // A later event proves the consumer has moved past the repeat.
    const marker = uniqueId('matter');
    await assignMatter(marker, 'INTERNAL', '标记事项');
    await waitFor(async () => about(await workOf('head'), marker).length === 1, {
      timeoutMs: 30_000,
      description: 'the marker',
    });

    expect(about(await workOf('head'), matterId)).toHaveLength(1);
    expect((await workOf('head')).unreadNotificationCount).toBe(before + 1);
    expect(await subgraph.models.notifications.countDocuments({ eventId: event.id })).toBe(2);
  });

  it('never shows a title above the reader’s clearance, now or in the escalation later', async () => {
    const matterId = uniqueId('matter');
    await assignMatter(matterId, 'SECRET', '绝不可泄露的秘密事项');
    await publish(assignmentEvents.assignmentEscalated, {
      assignmentId: matterId,
      parentAssignmentId: null,
      leadDivisionId: 'div-a',
      coDivisionIds: [],
      classification: 'SECRET',
      deadline: now(),
      level: 'RED',
      escalatedAt: now(),
    });
    await waitFor(async () => about(await workOf('clerk'), matterId).length === 2, {
      timeoutMs: 30_000,
      description: 'the clerk’s two notifications',
    });

    const forClerk = about(await workOf('clerk'), matterId);
    for (const notification of forClerk) {
      expect(notification.title).toBeNull();
      expect(JSON.stringify(notification)).not.toContain('秘密事项');
    }
    expect(forClerk.map((n) => n.message).sort()).toEqual([
      '事项一项交办事项（标题不予显示）已升级为红色督办，请立即办理',
      '新交办事项：一项交办事项（标题不予显示），请及时签收办理',
    ]);
    const forHead = about(await workOf('head'), matterId);
    expect(forHead.map((n) => n.title)).toEqual(['绝不可泄露的秘密事项', '绝不可泄露的秘密事项']);
    // The assigning leader hears of the escalation, though not of the assignment they made.
    expect(about(await workOf('director'), matterId).map((n) => n.kind)).toEqual([
      'MATTER_ESCALATED',
    ]);
  });
});

describe('documents and difficulties', () => {
  it('a document sent to a division reaches everyone in it; a resolved difficulty reaches who raised it', async () => {
    const documentId = uniqueId('doc');
    await publish(sharingEvents.documentRegistered, {
      documentId,
      title: '关于做好年终工作的通知',
      classification: 'INTERNAL',
      registeringDivisionId: 'div-b',
      registeredByStaffId: people.other.sub,
      registeredAt: now(),
    });
    await publish(sharingEvents.documentDistributed, {
      distributionId: uniqueId('dist'),
      documentId,
      senderDivisionId: 'div-b',
      recipientStaffIds: [people.director.sub],
      recipientDivisionIds: ['div-a'],
      dueAt: now(),
      distributedAt: now(),
    });
    const difficultyId = uniqueId('difficulty');
    await publish(assignmentEvents.difficultyRaised, {
      difficultyId,
      divisionId: 'div-a',
      assignmentId: null,
      title: '经费不足',
      raisedByStaffId: people.clerk.sub,
      raisedAt: now(),
    });
    await publish(assignmentEvents.difficultyResolved, {
      difficultyId,
      divisionId: 'div-a',
      assignmentId: null,
      resolvedByStaffId: people.director.sub,
      resolvedAt: now(),
    });

    await waitFor(async () => about(await workOf('clerk'), difficultyId).length === 1, {
      timeoutMs: 30_000,
      description: 'the resolved difficulty',
    });
    for (const person of ['director', 'head', 'clerk'] as const) {
      expect(about(await workOf(person), documentId)).toEqual([
        expect.objectContaining({
          kind: 'READING_REQUESTED',
          message: '请阅知文件“关于做好年终工作的通知”',
        }),
      ]);
    }
    expect(about(await workOf('other'), documentId)).toHaveLength(0);
    expect(about(await workOf('clerk'), difficultyId)[0]).toMatchObject({
      kind: 'DIFFICULTY_RESOLVED',
      message: '您反映的困难“经费不足”已协调解决',
    });
    expect(about(await workOf('director'), difficultyId)).toHaveLength(0);
  });
});

describe('a circulation reaching me and a report due tomorrow', () => {
  it('tells the reader now holding a circulation, each time it reaches someone, and links to it', async () => {
    const documentId = uniqueId('doc');
    const circulationId = uniqueId('circulation');
    await publish(sharingEvents.documentRegistered, {
      documentId,
      title: '关于加强值班工作的通知',
      classification: 'INTERNAL',
      registeringDivisionId: 'div-b',
      registeredByStaffId: people.other.sub,
      registeredAt: now(),
    });
    const reached = (holder: Person) =>
      publish(sharingEvents.circulationReached, {
        circulationId,
        documentId,
        holderStaffId: people[holder].sub,
        startedByStaffId: people.other.sub,
        hopDueAt: new Date(Date.now() + 86_400_000).toISOString(),
        reachedAt: now(),
      });
    await reached('head');
    await reached('clerk');

    await waitFor(async () => about(await workOf('clerk'), circulationId).length === 1, {
      timeoutMs: 30_000,
      description: 'the clerk’s circulation notification',
    });
    for (const person of ['head', 'clerk'] as const) {
      expect(about(await workOf(person), circulationId)).toEqual([
        expect.objectContaining({
          kind: 'CIRCULATION_REACHED',
          title: '关于加强值班工作的通知',
          message: '文件“关于加强值班工作的通知”已传阅至您，请阅处',
          subjectKind: 'CIRCULATION',
        }),
      ]);
    }
    expect(about(await workOf('other'), circulationId)).toHaveLength(0);
    expect(about(await workOf('director'), circulationId)).toHaveLength(0);
  });

  it('a circulation of a document above my clearance reaches me without its title', async () => {
    const documentId = uniqueId('doc');
    const circulationId = uniqueId('circulation');
    await publish(sharingEvents.documentRegistered, {
      documentId,
      title: '机密文件标题',
      classification: 'SECRET',
      registeringDivisionId: 'div-a',
      registeredByStaffId: people.head.sub,
      registeredAt: now(),
    });
    await publish(sharingEvents.circulationReached, {
      circulationId,
      documentId,
      holderStaffId: people.clerk.sub,
      startedByStaffId: people.head.sub,
      hopDueAt: now(),
      reachedAt: now(),
    });
    await waitFor(async () => about(await workOf('clerk'), circulationId).length === 1, {
      timeoutMs: 30_000,
      description: 'the clerk’s notification',
    });
    const [forClerk] = about(await workOf('clerk'), circulationId);
    expect(forClerk).toMatchObject({
      title: null,
      message: '文件一项文件（标题不予显示）已传阅至您，请阅处',
    });
    expect(JSON.stringify(forClerk)).not.toContain('机密文件标题');
  });

  it('tells the 责任人 and the lead division’s head, not the assigner, that a report is due tomorrow', async () => {
    const matterId = uniqueId('matter');
    await assignMatter(matterId, 'INTERNAL', '编制季度督查通报');
    await publish(assignmentEvents.assignmentReportDueSoon, {
      assignmentId: matterId,
      parentAssignmentId: null,
      leadDivisionId: 'div-a',
      coDivisionIds: [],
      classification: 'INTERNAL',
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      responsibleStaffIds: [people.clerk.sub],
      reportDueAt: new Date(Date.now() + 20 * 3_600_000).toISOString(),
      detectedAt: now(),
    });
    const reportDue = async (person: Person) =>
      about(await workOf(person), matterId).filter((n) => n.kind === 'REPORT_DUE');

    await waitFor(async () => (await reportDue('head')).length === 1, {
      timeoutMs: 30_000,
      description: 'the head’s report-due notification',
    });
    for (const person of ['head', 'clerk'] as const) {
      expect(await reportDue(person)).toEqual([
        expect.objectContaining({
          message: '事项“编制季度督查通报”的进展汇报明日到期，请及时汇报',
          subjectKind: 'MATTER',
          subjectId: matterId,
        }),
      ]);
    }
    expect(await reportDue('director')).toHaveLength(0);
  });
});

describe('reading them', () => {
  it('marks mine read and leaves someone else’s alone; the count is kept in the database', async () => {
    const matterId = uniqueId('matter');
    await assignMatter(matterId, 'INTERNAL', '标记已读的事项');
    await waitFor(async () => about(await workOf('clerk'), matterId).length === 1, {
      timeoutMs: 30_000,
      description: 'the notification',
    });
    const mine = about(await workOf('clerk'), matterId)[0]!;
    const heads = about(await workOf('head'), matterId)[0]!;
    const before = (await workOf('clerk')).unreadNotificationCount;

    const marked = await as<{
      markNotificationsRead: { notifications: { id: string }[]; unreadNotificationCount: number };
    }>(
      'clerk',
      `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { notifications { id } unreadNotificationCount } }`,
      { ids: [mine.id, heads.id] },
    );
    expect(marked.markNotificationsRead.notifications.map((n) => n.id)).toEqual([mine.id]);
    expect(marked.markNotificationsRead.unreadNotificationCount).toBe(before - 1);
    expect(about(await workOf('head'), matterId)[0]!.readAt).toBeNull();
    expect(about(await workOf('clerk', true), matterId)).toHaveLength(0);

    await as('clerk', `mutation { markAllNotificationsRead { unreadNotificationCount } }`);
    expect((await workOf('clerk')).unreadNotificationCount).toBe(0);
  });

  it('refuses to show one person’s notifications to another', async () => {
    const data = await as<{ _entities: (WorkView | null)[] }>('clerk', WORK, {
      staffId: people.head.sub,
    });
    expect(data._entities).toEqual([null]);
  });
});

describe('the stream', () => {
  it('refuses a caller without a token', async () => {
    const res = await fetch(`${origin}/notifications/stream`);
    expect(res.status).toBe(401);
  });

  it('pushes a new notification to the open stream of its recipient, with the unread count', async () => {
    const controller = new AbortController();
    const res = await fetch(`${origin}/notifications/stream`, {
      headers: { authorization: `Bearer ${await tokenFor(people.head)}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const readUntil = async (text: string) => {
      while (!received.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before "${text}": ${received}`);
        received += value;
      }
    };
    await readUntil('event: ready');

    const matterId = uniqueId('matter');
    await assignMatter(matterId, 'SECRET', '推送测试事项');
    await readUntil('event: notification');
    controller.abort();

    const data = /event: notification\ndata: (.*)\n/.exec(received)![1]!;
    const pushed = JSON.parse(data) as { id: string; unreadCount: number };
    const stored = about(await workOf('head'), matterId)[0]!;
    expect(pushed).toEqual({
      id: stored.id,
      unreadCount: (await workOf('head')).unreadNotificationCount,
    });
    // Ids and counts only: no title travels on the stream.
    expect(received).not.toContain('推送测试事项');
  });
});
