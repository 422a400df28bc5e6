import { sharingEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

let sharing: Sharing;
let documentId: string;
let distributionId: string;

const REGISTER = `mutation ($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`;
const DISTRIBUTE = `mutation ($input: DistributeDocumentInput!) { distributeDocument(input: $input) { id recipientCount } }`;
const ACKNOWLEDGE = `mutation ($input: AcknowledgeReadingInput!) { acknowledgeReading(input: $input) { id status acknowledgedAt onTime comment acknowledgedBy { id } } }`;
const INBOX = `query ($status: ReadingStatus) { readingInbox(status: $status) { totalCount edges { node { id status documentTitle dueAt document { id } } } } }`;
const SENDER_VIEW = `
  query ($id: ID!) {
    distribution(id: $id) {
      recipientCount readCount unreadCount overdueCount
      readingRequests(first: 100) {
        edges { node { status reminderCount recipientStaff { id } recipientDivision { id } acknowledgedBy { id } comment onTime } }
      }
    }
  }`;

const inboxOf = async (staffId: string, status?: string) => {
  const { body } = await sharing.as(staffId, INBOX, { status });
  expect(body.errors).toBeUndefined();
  return body.data.readingInbox;
};
const hoursFromNow = (hours: number) =>
  new Date(sharing.clock.now().getTime() + hours * 3_600_000).toISOString();

beforeAll(async () => {
  sharing = await startSharing();
  await sharing.publishDemoOrganisation();
  const registered = await sharing.as('staff-secretariat-1', REGISTER, {
    input: {
      kind: 'PROVINCIAL',
      title: '关于进一步加强政务资源共享工作的通知',
      documentNumber: '黑办发〔2026〕12号',
      issuer: '中共黑龙江省委办公厅',
      issuedOn: '2026-02-27',
      classification: 'INTERNAL',
    },
  });
  documentId = registered.body.data.registerDocument.id;
});

afterAll(async () => {
  await sharing?.close();
});

describe('distribution (分送)', () => {
  it('sends one reading request per recipient and announces the distribution once', async () => {
    const { body } = await sharing.as('staff-secretariat-1', DISTRIBUTE, {
      input: {
        documentId,
        staffIds: ['staff-party-secretary', 'staff-director'],
        divisionIds: ['div-general-1', 'div-information', 'div-research'],
        dueAt: hoursFromNow(48),
        note: '请阅知',
      },
    });
    expect(body.errors).toBeUndefined();
    distributionId = body.data.distributeDocument.id;
    expect(body.data.distributeDocument.recipientCount).toBe(5);

    const events = await sharing.outboxEvents(sharingEvents.documentDistributed);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({
      distributionId,
      documentId,
      senderDivisionId: 'div-secretariat',
      recipientStaffIds: ['staff-party-secretary', 'staff-director'],
      recipientDivisionIds: ['div-general-1', 'div-information', 'div-research'],
    });
  });

  it('puts the request in the inbox of the person and of every member of the division', async () => {
    expect((await inboxOf('staff-director')).totalCount).toBe(1);
    const divisionMember = await inboxOf('staff-general-1-2');
    expect(divisionMember.edges[0].node).toMatchObject({
      status: 'UNREAD',
      documentTitle: '关于进一步加强政务资源共享工作的通知',
      document: { id: documentId },
    });
    expect((await inboxOf('staff-legal-1')).totalCount).toBe(0);
  });

  it('refuses a recipient whose clearance is below the document’s', async () => {
    const secret = await sharing.as('staff-secretariat-head', REGISTER, {
      input: { kind: 'INFORMATION_BULLETIN', title: '内部情况通报', classification: 'SECRET' },
    });
    const { body } = await sharing.as('staff-secretariat-head', DISTRIBUTE, {
      input: {
        documentId: secret.body.data.registerDocument.id,
        staffIds: ['staff-general-1-2'],
        dueAt: hoursFromNow(24),
      },
    });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('郑雨桐的涉密等级不足以阅读该文件');
  });

  it('lets only the registering division send it on, and wants a due time ahead', async () => {
    const recipient = await sharing.as('staff-general-1-head', DISTRIBUTE, {
      input: { documentId, divisionIds: ['div-legal'], dueAt: hoursFromNow(24) },
    });
    expect(recipient.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const past = await sharing.as('staff-secretariat-1', DISTRIBUTE, {
      input: { documentId, divisionIds: ['div-legal'], dueAt: hoursFromNow(-1) },
    });
    expect(past.body.errors[0]).toMatchObject({
      message: '阅知时限必须晚于现在',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('acknowledgement (已阅)', () => {
  it('records 已阅 with a comment, on time, for the reader’s division', async () => {
    const [request] = (await inboxOf('staff-general-1-2')).edges;
    const { body } = await sharing.as('staff-general-1-2', ACKNOWLEDGE, {
      input: { readingRequestId: request.node.id, comment: '已阅，将结合处室工作落实' },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.acknowledgeReading).toMatchObject({
      status: 'READ',
      onTime: true,
      comment: '已阅，将结合处室工作落实',
      acknowledgedBy: { id: 'staff-general-1-2' },
    });
    const [event] = await sharing.outboxEvents(sharingEvents.readingAcknowledged);
    expect(event!.data).toMatchObject({
      readingRequestId: request.node.id,
      documentId,
      staffId: 'staff-general-1-2',
      divisionId: 'div-general-1',
      onTime: true,
    });
  });

  it('accepts it once per person, and only from the addressee', async () => {
    const [request] = (await inboxOf('staff-general-1-1')).edges;
    const again = await sharing.as('staff-general-1-2', ACKNOWLEDGE, {
      input: { readingRequestId: request.node.id },
    });
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');
    const [directorRequest] = (await inboxOf('staff-director')).edges;
    const stranger = await sharing.as('staff-general-1-1', ACKNOWLEDGE, {
      input: { readingRequestId: directorRequest.node.id },
    });
    expect(stranger.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('lists the recipients in the order they were addressed', async () => {
    const { body } = await sharing.as('staff-secretariat-head', SENDER_VIEW, {
      id: distributionId,
    });
    expect(
      body.data.distribution.readingRequests.edges.map(
        ({ node }: Json) => node.recipientStaff?.id ?? node.recipientDivision.id,
      ),
    ).toEqual([
      'staff-party-secretary',
      'staff-director',
      'div-general-1',
      'div-information',
      'div-research',
    ]);
    const second = await sharing.as(
      'staff-secretariat-head',
      `query ($id: ID!, $after: String) { distribution(id: $id) { readingRequests(first: 2, after: $after) { edges { node { recipientDivision { id } } } } } }`,
      { id: distributionId, after: null },
    );
    expect(second.body.data.distribution.readingRequests.edges).toHaveLength(2);
  });

  it('shows the sender who has read and who has not', async () => {
    const { body } = await sharing.as('staff-secretariat-head', SENDER_VIEW, {
      id: distributionId,
    });
    const view = body.data.distribution;
    expect(view).toMatchObject({
      recipientCount: 5,
      readCount: 1,
      unreadCount: 4,
      overdueCount: 0,
    });
    const read = view.readingRequests.edges
      .map((edge: Json) => edge.node)
      .filter((node: Json) => node.status === 'READ');
    expect(read).toEqual([
      expect.objectContaining({
        recipientDivision: { id: 'div-general-1' },
        acknowledgedBy: { id: 'staff-general-1-2' },
      }),
    ]);
  });

  it('hides the sender’s view from other divisions', async () => {
    const { body } = await sharing.as('staff-general-1-head', SENDER_VIEW, { id: distributionId });
    expect(body.data.distribution).toBeNull();
  });
});

describe('reminders and overdue readings', () => {
  it('reminds every unread recipient (催阅)', async () => {
    const mutation = `mutation ($id: ID!) { remindUnreadReaders(distributionId: $id) { remindedCount } }`;
    const { body } = await sharing.as('staff-secretariat-1', mutation, { id: distributionId });
    expect(body.data.remindUnreadReaders.remindedCount).toBe(4);
    const view = await sharing.as('staff-secretariat-1', SENDER_VIEW, { id: distributionId });
    const counts = view.body.data.distribution.readingRequests.edges.map((edge: Json) => [
      edge.node.status,
      edge.node.reminderCount,
    ]);
    expect(
      counts
        .filter(([status]: [string]) => status === 'UNREAD')
        .every(([, n]: [string, number]) => n === 1),
    ).toBe(true);
    const outsider = await sharing.as('staff-legal-head', mutation, { id: distributionId });
    expect(outsider.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('marks unread requests overdue once the due time passes and announces each once', async () => {
    sharing.clock.advanceHours(49);
    expect((await inboxOf('staff-director', 'OVERDUE')).totalCount).toBe(1);
    const view = await sharing.as('staff-secretariat-1', SENDER_VIEW, { id: distributionId });
    expect(view.body.data.distribution.overdueCount).toBe(4);

    expect((await sharing.sweep()).overdueReadings).toBe(4);
    expect((await sharing.sweep()).overdueReadings).toBe(0);
    const events = await sharing.outboxEvents(sharingEvents.readingOverdue);
    expect(events.map((event) => [event.data.staffId, event.data.divisionId]).sort()).toEqual(
      [
        ['staff-director', null],
        ['staff-information-head', 'div-information'],
        ['staff-party-secretary', null],
        ['staff-research-head', 'div-research'],
      ].sort(),
    );
  });

  it('records a late 已阅 as late and keeps the division’s on-time rate', async () => {
    const [request] = (await inboxOf('staff-information-1')).edges;
    const { body } = await sharing.as('staff-information-1', ACKNOWLEDGE, {
      input: { readingRequestId: request.node.id },
    });
    expect(body.data.acknowledgeReading.onTime).toBe(false);

    const stats = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Division { id distributionStats { requested read readOnTime overdue readOnTimeRate } } } }`;
    const result = await sharing.as('staff-director', stats, {
      r: ['div-general-1', 'div-information', 'div-research', 'div-legal'].map((id) => ({
        __typename: 'Division',
        id,
      })),
    });
    expect(result.body.data._entities.map((division: Json) => division.distributionStats)).toEqual([
      { requested: 1, read: 1, readOnTime: 1, overdue: 0, readOnTimeRate: 1 },
      { requested: 1, read: 1, readOnTime: 0, overdue: 0, readOnTimeRate: 0 },
      { requested: 1, read: 0, readOnTime: 0, overdue: 1, readOnTimeRate: 0 },
      { requested: 0, read: 0, readOnTime: 0, overdue: 0, readOnTimeRate: null },
    ]);
  });
});

describe('large distributions', () => {
  it('sends to 500 people with one event and 500 requests', async () => {
    const staffIds = Array.from({ length: 500 }, (_, i) => `staff-bulk-${i}`);
    await sharing.models.directoryStaff.insertMany(
      staffIds.map((id, i) => ({
        _id: id,
        officeId: 'office-harbin',
        divisionId: null,
        name: `联络员${i}`,
        clearance: 'INTERNAL',
        active: true,
      })),
    );
    const { body } = await sharing.as('staff-secretariat-1', DISTRIBUTE, {
      input: { documentId, staffIds, dueAt: hoursFromNow(24) },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.distributeDocument.recipientCount).toBe(500);
    expect(await sharing.outboxEvents(sharingEvents.documentDistributed)).toHaveLength(2);
    expect(
      await sharing.models.readingRequests.countDocuments({
        distributionId: body.data.distributeDocument.id,
      }),
    ).toBe(500);
  });
});

describe('who in a division read (per-person reading)', () => {
  const READERS = `
    query ($id: ID!) {
      distribution(id: $id) {
        readCount
        readingRequests { edges { node { id status everyoneMustRead acknowledgedBy { id }
          readers { staff { id } mustRead readAt comment onTime } } } }
      }
    }`;
  const requestOf = async (id: string) => {
    const { body } = await sharing.as('staff-secretariat-1', READERS, { id });
    expect(body.errors).toBeUndefined();
    return {
      readCount: body.data.distribution.readCount,
      ...body.data.distribution.readingRequests.edges[0].node,
    };
  };
  const readerIds = (request: Json, filter: (line: Json) => boolean) =>
    request.readers.filter(filter).map((line: Json) => line.staff.id);

  it('with everyoneMustRead, names the members who must read and settles only when each has', async () => {
    const sent = await sharing.as('staff-secretariat-1', DISTRIBUTE, {
      input: {
        documentId,
        divisionIds: ['div-legal'],
        dueAt: hoursFromNow(24),
        everyoneMustRead: true,
      },
    });
    expect(sent.body.errors).toBeUndefined();
    const id = sent.body.data.distributeDocument.id;
    const settledBefore = (await sharing.outboxEvents(sharingEvents.readingAcknowledged)).length;

    // 钟诗琪 holds only PUBLIC clearance: she may not read it, so she is not asked to.
    const fresh = await requestOf(id);
    expect(fresh).toMatchObject({ status: 'UNREAD', everyoneMustRead: true });
    expect(readerIds(fresh, (line) => line.mustRead).sort()).toEqual(
      ['staff-legal-1', 'staff-legal-deputy', 'staff-legal-head'].sort(),
    );

    const inbox = `{ readingInbox(first: 1) { edges { node { id readByMe } } } }`;
    const mine = await sharing.as('staff-legal-1', inbox);
    const requestId = mine.body.data.readingInbox.edges[0].node.id;
    expect(mine.body.data.readingInbox.edges[0].node.readByMe).toBe(false);
    for (const staffId of ['staff-legal-1', 'staff-legal-deputy']) {
      const { body } = await sharing.as(staffId, ACKNOWLEDGE, {
        input: { readingRequestId: requestId, comment: `${staffId} 已阅` },
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.acknowledgeReading).toMatchObject({
        status: 'UNREAD',
        acknowledgedBy: null,
      });
    }
    const again = await sharing.as('staff-legal-1', ACKNOWLEDGE, {
      input: { readingRequestId: requestId },
    });
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(
      (await sharing.as('staff-legal-1', inbox)).body.data.readingInbox.edges[0].node.readByMe,
    ).toBe(true);

    const work = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Work { readings { items { reading { id } } } } } }`;
    const workOf = async (staffId: string) =>
      (
        await sharing.as(staffId, work, { r: [{ __typename: 'Work', staffId }] })
      ).body.data._entities[0].readings.items.map((item: Json) => item.reading.id);
    expect(await workOf('staff-legal-1')).not.toContain(requestId);
    expect(await workOf('staff-legal-head')).toContain(requestId);

    const halfway = await requestOf(id);
    expect(halfway).toMatchObject({ status: 'UNREAD', readCount: 0 });
    expect(readerIds(halfway, (line) => line.readAt !== null).sort()).toEqual(
      ['staff-legal-1', 'staff-legal-deputy'].sort(),
    );
    expect(readerIds(halfway, (line) => line.readAt === null)).toEqual(['staff-legal-head']);
    expect(await sharing.outboxEvents(sharingEvents.readingAcknowledged)).toHaveLength(
      settledBefore,
    );

    const last = await sharing.as('staff-legal-head', ACKNOWLEDGE, {
      input: { readingRequestId: requestId },
    });
    expect(last.body.data.acknowledgeReading).toMatchObject({
      status: 'READ',
      onTime: true,
      acknowledgedBy: { id: 'staff-legal-head' },
    });
    expect((await requestOf(id)).readCount).toBe(1);
    expect(await sharing.outboxEvents(sharingEvents.readingAcknowledged)).toHaveLength(
      settledBefore + 1,
    );
  });

  it('without it, the first member settles the reading and the others still say they read', async () => {
    const sent = await sharing.as('staff-secretariat-1', DISTRIBUTE, {
      input: { documentId, divisionIds: ['div-general-2'], dueAt: hoursFromNow(24) },
    });
    const id = sent.body.data.distributeDocument.id;
    const [request] = (await inboxOf('staff-general-2-1')).edges;
    await sharing.as('staff-general-2-1', ACKNOWLEDGE, {
      input: { readingRequestId: request.node.id },
    });
    const second = await sharing.as('staff-general-2-2', ACKNOWLEDGE, {
      input: { readingRequestId: request.node.id, comment: '我也已阅' },
    });
    expect(second.body.errors).toBeUndefined();
    const read = await requestOf(id);
    expect(read).toMatchObject({
      status: 'READ',
      everyoneMustRead: false,
      acknowledgedBy: { id: 'staff-general-2-1' },
    });
    expect(read.readers).toEqual([
      expect.objectContaining({
        staff: { id: 'staff-general-2-1' },
        mustRead: false,
        onTime: true,
      }),
      expect.objectContaining({
        staff: { id: 'staff-general-2-2' },
        mustRead: false,
        comment: '我也已阅',
      }),
    ]);
  });
});
