import { sharingEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

let sharing: Sharing;
let documentId: string;

const CIRCULATION_FIELDS = `
  id status currentHolder { id } currentHopDueAt currentHopOverdue overdueHops completedAt
  hops { reader { id } position action reason comment overdue }`;
const START = `mutation ($input: StartCirculationInput!) { startCirculation(input: $input) { ${CIRCULATION_FIELDS} } }`;
const ACKNOWLEDGE = `mutation ($id: ID!, $comment: String) { acknowledgeCirculation(circulationId: $id, comment: $comment) { ${CIRCULATION_FIELDS} } }`;
const RETURN = `mutation ($id: ID!, $reason: String!) { returnCirculation(circulationId: $id, reason: $reason) { ${CIRCULATION_FIELDS} } }`;
const SKIP = `mutation ($id: ID!, $reason: String!) { skipNextCirculationReader(circulationId: $id, reason: $reason) { ${CIRCULATION_FIELDS} } }`;
const ROUTE = [
  'staff-director',
  'staff-executive-deputy',
  'staff-deputy-director-1',
  'staff-secretariat-head',
];

const start = async (route = ROUTE) => {
  const { body } = await sharing.as('staff-secretariat-1', START, {
    input: { documentId, route, hopTimeLimitHours: 24 },
  });
  expect(body.errors).toBeUndefined();
  return body.data.startCirculation;
};

beforeAll(async () => {
  sharing = await startSharing();
  await sharing.publishDemoOrganisation();
  const { body } = await sharing.as(
    'staff-secretariat-1',
    `mutation { registerDocument(input: { kind: CENTRAL, title: "关于做好2026年度保密工作的意见", documentNumber: "中办发〔2026〕3号", issuer: "中共中央办公厅", issuedOn: "2026-01-15", classification: CONFIDENTIAL }) { id } }`,
  );
  documentId = body.data.registerDocument.id;
});

afterAll(async () => {
  await sharing?.close();
});

describe('circulation (传阅)', () => {
  it('goes to the first reader, who sees it and what they hold', async () => {
    const circulation = await start();
    expect(circulation).toMatchObject({
      status: 'IN_PROGRESS',
      currentHolder: { id: 'staff-director' },
      currentHopOverdue: false,
    });
    expect(circulation.currentHopDueAt).toBe('2026-03-03T01:00:00.000Z');
    const holding = await sharing.as(
      'staff-director',
      `{ myCirculations(holding: true) { id } document(id: "${documentId}") { id } }`,
    );
    expect(holding.body.data.myCirculations.map((c: Json) => c.id)).toContain(circulation.id);
    // Being on the route is need-to-know for the document.
    expect(holding.body.data.document.id).toBe(documentId);
  });

  it('moves forward on acknowledgement and completes after the last reader, announcing it', async () => {
    const { id } = await start();
    let result: Json;
    for (const reader of ROUTE) {
      sharing.clock.advanceHours(1);
      result = await sharing.as(reader, ACKNOWLEDGE, { id, comment: '已阅' });
      expect(result.body.errors).toBeUndefined();
    }
    expect(result.body.data.acknowledgeCirculation).toMatchObject({
      status: 'COMPLETED',
      currentHolder: null,
      overdueHops: 0,
    });
    const events = await sharing.outboxEvents(sharingEvents.circulationCompleted);
    expect(events.find((event) => event.data.circulationId === id)?.data).toMatchObject({
      documentId,
      overdueHops: 0,
    });
    // Each reader was told in turn that it reached them (notifications); none after the last.
    const reached = await sharing.outboxEvents(sharingEvents.circulationReached);
    expect(
      reached.filter((event) => event.data.circulationId === id).map((e) => e.data.holderStaffId),
    ).toEqual(ROUTE);
  });

  it('lets only the current holder act', async () => {
    const { id } = await start();
    const { body } = await sharing.as('staff-executive-deputy', ACKNOWLEDGE, { id });
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const outsider = await sharing.as('staff-legal-head', ACKNOWLEDGE, { id });
    expect(outsider.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('returns to the previous reader with a reason', async () => {
    const { id } = await start();
    await sharing.as('staff-director', ACKNOWLEDGE, { id });
    const { body } = await sharing.as('staff-executive-deputy', RETURN, {
      id,
      reason: '请补充附件后再传',
    });
    const circulation = body.data.returnCirculation;
    expect(circulation.currentHolder.id).toBe('staff-director');
    expect(circulation.hops[1]).toMatchObject({
      reader: { id: 'staff-executive-deputy' },
      action: 'RETURNED',
      reason: '请补充附件后再传',
    });
    const noReason = await sharing.as('staff-director', SKIP, { id, reason: ' ' });
    expect(noReason.body.errors[0]).toMatchObject({
      message: '请填写理由',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const fromFirst = await sharing.as('staff-director', RETURN, { id, reason: '无' });
    expect(fromFirst.body.errors[0]).toMatchObject({
      message: '第一位阅件人无法退回',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('skips the next reader with a reason', async () => {
    const { id } = await start();
    const { body } = await sharing.as('staff-director', SKIP, { id, reason: '常务副主任出差' });
    const circulation = body.data.skipNextCirculationReader;
    expect(circulation.currentHolder.id).toBe('staff-deputy-director-1');
    expect(circulation.hops.map((hop: Json) => [hop.reader.id, hop.action])).toEqual([
      ['staff-director', 'ACKNOWLEDGED'],
      ['staff-executive-deputy', 'SKIPPED'],
      ['staff-deputy-director-1', 'HOLDING'],
    ]);
    expect(circulation.hops[1].reason).toBe('常务副主任出差');
  });

  it('flags a hop held past its limit and counts it at completion', async () => {
    const { id } = await start(['staff-director', 'staff-executive-deputy']);
    sharing.clock.advanceHours(30);
    const held = await sharing.as(
      'staff-director',
      `{ circulation(id: "${id}") { currentHopOverdue hops { overdue } } }`,
    );
    expect(held.body.data.circulation).toEqual({
      currentHopOverdue: true,
      hops: [{ overdue: true }],
    });
    await sharing.as('staff-director', ACKNOWLEDGE, { id });
    sharing.clock.advanceHours(2);
    const done = await sharing.as('staff-executive-deputy', ACKNOWLEDGE, { id });
    expect(done.body.data.acknowledgeCirculation).toMatchObject({
      status: 'COMPLETED',
      overdueHops: 1,
    });
    const events = await sharing.outboxEvents(sharingEvents.circulationCompleted);
    expect(events.find((event) => event.data.circulationId === id)?.data.overdueHops).toBe(1);
  });

  it('hides circulations from people off the route and below the clearance', async () => {
    const { id } = await start();
    const outsider = await sharing.as('staff-legal-head', `{ circulation(id: "${id}") { id } }`);
    expect(outsider.body.data.circulation).toBeNull();
  });
});

describe('instructions (批示)', () => {
  const ISSUE = `mutation ($input: IssueInstructionInput!) { issueInstruction(input: $input) { id text leadDivision { id } coDivisions { id } deadline leader { id } } }`;

  it('turns a leader’s instruction naming a lead division into an event and gives the divisions need-to-know', async () => {
    await sharing.as(
      'staff-secretariat-1',
      `mutation { distributeDocument(input: { documentId: "${documentId}", staffIds: ["staff-party-secretary"], dueAt: "2026-04-01T00:00:00Z" }) { id } }`,
    );
    const before = await sharing.as(
      'staff-general-1-1',
      `{ document(id: "${documentId}") { id } }`,
    );
    expect(before.body.data.document).toBeNull();

    const { body } = await sharing.as('staff-party-secretary', ISSUE, {
      input: {
        documentId,
        text: '请综合一处牵头，调研室配合，认真抓好贯彻落实。',
        leadDivisionId: 'div-general-1',
        coDivisionIds: ['div-research'],
        deadline: '2026-04-30T09:00:00+08:00',
      },
    });
    expect(body.errors).toBeUndefined();
    const instruction = body.data.issueInstruction;
    expect(instruction).toMatchObject({
      leadDivision: { id: 'div-general-1' },
      coDivisions: [{ id: 'div-research' }],
      deadline: '2026-04-30T01:00:00.000Z',
    });

    const [event] = (await sharing.outboxEvents(sharingEvents.instructionIssued)).filter(
      (e) => e.data.instructionId === instruction.id,
    );
    expect(event!.data).toEqual({
      instructionId: instruction.id,
      documentId,
      documentTitle: '关于做好2026年度保密工作的意见',
      classification: 'CONFIDENTIAL',
      leaderStaffId: 'staff-party-secretary',
      text: '请综合一处牵头，调研室配合，认真抓好贯彻落实。',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-research'],
      deadline: '2026-04-30T01:00:00.000Z',
      issuedAt: sharing.clock.now().toISOString(),
    });

    const after = await sharing.as(
      'staff-general-1-1',
      `{ document(id: "${documentId}") { id instructions { text } } }`,
    );
    expect(after.body.data.document.instructions.map((i: Json) => i.text)).toContain(
      '请综合一处牵头，调研室配合，认真抓好贯彻落实。',
    );
  });

  it('is for leaders who can see the document', async () => {
    const notLeader = await sharing.as('staff-secretariat-head', ISSUE, {
      input: { documentId, text: '阅' },
    });
    expect(notLeader.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const notReceived = await sharing.as('staff-deputy-party-secretary', ISSUE, {
      input: { documentId, text: '阅' },
    });
    expect(notReceived.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('rejects a deadline in the past', async () => {
    const { body } = await sharing.as('staff-party-secretary', ISSUE, {
      input: {
        documentId,
        text: '抓紧办理',
        leadDivisionId: 'div-general-1',
        deadline: '2026-01-01T00:00:00Z',
      },
    });
    expect(body.errors[0]).toMatchObject({
      message: '办理时限必须晚于现在',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
