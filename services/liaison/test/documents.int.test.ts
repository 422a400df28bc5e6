import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingDocumentEvents } from '@heli/event-contracts';
import { outboxEvents, startTestMongo, waitFor, type TestMongo } from '@heli/testkit';
import { SIGNED_FOR_CONSUMER } from '../src/documents/signed-for-intake.js';
import { signMessage } from '../src/transport/message-signing.js';
import { generateSigningJwk, importSigningKey } from '../src/transport/signing-keys.js';
import { inboxUrl } from '../src/transport/relay.js';
import {
  CITY,
  DISTRICT,
  DOCUMENT,
  SEND,
  notice,
  secretariat,
  startOffices,
  type TestOffice,
} from './office-harness.js';

type Doc = {
  officialDocument: {
    id: string;
    box: string;
    kind: string;
    signedForAt: string | null;
    inReplyTo: { id: string; kind: string } | null;
    replies: { id: string; kind: string }[];
    mainRecipients: {
      delivery: string;
      signedForAt: string | null;
      failureReason: string | null;
    }[];
  } | null;
};

describe('公文 between a city office and a district office', () => {
  let mongo: TestMongo;
  let city: TestOffice;
  let district: TestOffice;

  beforeAll(async () => {
    mongo = await startTestMongo();
    const offices = await startOffices(
      mongo,
      [CITY, DISTRICT],
      [[CITY.id, DISTRICT.id, 'LOWER', 'INTERNAL']],
    );
    city = offices.get(CITY.id)!;
    district = offices.get(DISTRICT.id)!;
  });
  afterAll(async () => {
    await city?.stop();
    await district?.stop();
    await mongo?.stop();
  });

  const cityDoc = (id: string) => city.as<Doc>(secretariat(CITY.id), DOCUMENT, { id });
  const districtDoc = (id: string) => district.as<Doc>(secretariat(DISTRICT.id), DOCUMENT, { id });

  it('sends a 通知 down; the district registers it, signs for it, and the city sees 已送达 then 已签收', async () => {
    const sent = await city.as<{ sendOfficialDocument: { id: string; direction: string } }>(
      secretariat(CITY.id),
      SEND,
      { input: notice([DISTRICT.id]) },
    );
    expect(sent.body.errors).toBeUndefined();
    const id = sent.body.data!.sendOfficialDocument.id;
    expect(sent.body.data!.sendOfficialDocument.direction).toBe('DOWNWARD');

    const received = await waitFor(
      async () => (await districtDoc(id)).body.data?.officialDocument,
      {
        description: 'the district registers the 收文',
      },
    );
    expect(received).toMatchObject({ box: 'INCOMING', kind: 'NOTICE', signedForAt: null });
    await waitFor(
      async () =>
        (await cityDoc(id)).body.data?.officialDocument?.mainRecipients[0]?.delivery ===
        'DELIVERED',
      { description: '已送达 at the city' },
    );

    const arrived = await waitFor(
      async () =>
        (await outboxEvents(district.subgraph.conn)).find(
          (event) =>
            event.type === incomingDocumentEvents.incomingDocumentArrived.fullType &&
            event.subject === id,
        ),
      { description: 'the 收文 handed to sharing' },
    );
    expect(arrived.data).toMatchObject({
      exchangeId: id,
      officeId: DISTRICT.id,
      fromOfficeId: CITY.id,
      kind: 'NOTICE',
      direction: 'DOWNWARD',
      role: 'MAIN',
      urgency: 'URGENT',
      attachments: ['年底督查工作台账'],
    });

    // Sharing's secretariat signs for it; sharing announces the 签收 (twice: a redelivery).
    const signedFor = {
      exchangeId: id,
      fromOfficeId: CITY.id,
      documentId: `document-incoming-${id}`,
      signedForByStaffId: 'staff-secretariat-head',
      signedForAt: new Date().toISOString(),
    };
    for (let delivery = 0; delivery < 2; delivery++) {
      await district.subgraph.runtime.outbox.withTransaction(async ({ emit }) => {
        emit(incomingDocumentEvents.incomingDocumentSignedFor, signedFor, { subject: id });
      });
    }
    await waitFor(
      async () => (await cityDoc(id)).body.data?.officialDocument?.mainRecipients[0]?.signedForAt,
      { description: '已签收 at the city' },
    );
    await waitFor(
      async () =>
        (await district.subgraph.conn
          .collection('processed_events')
          .countDocuments({ consumerName: SIGNED_FOR_CONSUMER })) >= 2,
      { description: 'both announcements of the 签收 processed' },
    );
    expect(
      await district.models().outgoingMessages.countDocuments({
        'message.kind': 'RECEIPT',
        'message.body.documentId': id,
      }),
    ).toBe(1);
    expect((await districtDoc(id)).body.data?.officialDocument?.signedForAt).toBe(
      signedFor.signedForAt,
    );
  });

  it('refuses a 请示 sent down, naming the rule, and queues nothing', async () => {
    const before = await city.models().outgoingMessages.countDocuments();
    const refused = await city.as(secretariat(CITY.id), SEND, {
      input: notice([DISTRICT.id], { kind: 'REQUEST', signer: '王明' }),
    });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rules: ['KIND_DIRECTION'],
    });
    expect(refused.body.errors?.[0]?.message).toContain('“请示”只能发往上级机关');
    expect(await city.models().outgoingMessages.countDocuments()).toBe(before);
  });

  it('refuses a 机密 document on an 内部 link before anything is sent', async () => {
    const before = await city.models().outgoingMessages.countDocuments();
    const refused = await city.as(secretariat(CITY.id), SEND, {
      input: notice([DISTRICT.id], { classification: 'SECRET', copyNumber: '000001' }),
    });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rules: ['LINK_CLASSIFICATION'],
    });
    expect(refused.body.errors?.[0]?.message).toContain('机密公文不能经此线路发送');
    expect(await city.models().outgoingMessages.countDocuments()).toBe(before);
    expect(await city.models().documents.countDocuments({ classification: 'SECRET' })).toBe(0);
  });

  it('refuses bad elements all at once, and staff outside the secretariat', async () => {
    const refused = await city.as(secretariat(CITY.id), SEND, {
      input: notice([DISTRICT.id], {
        documentNumber: '哈委办发[2026]1号',
        writtenOn: '2099-01-01',
        title: ' ',
      }),
    });
    expect(refused.body.errors?.[0]?.extensions?.['problems']).toEqual([
      '标题不能为空',
      '成文日期不能晚于今天',
      '发文字号应由发文机关代字、年份和发文顺序号组成，如 哈委办发〔2026〕12号',
    ]);
    const staff = await city.as(
      { officeId: CITY.id, roles: ['STAFF'], divisionId: 'div-x' },
      SEND,
      {
        input: notice([DISTRICT.id]),
      },
    );
    expect(staff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const number = notice([DISTRICT.id]).documentNumber;
    await city.as(secretariat(CITY.id), SEND, {
      input: notice([DISTRICT.id], { documentNumber: number }),
    });
    const reused = await city.as(secretariat(CITY.id), SEND, {
      input: notice([DISTRICT.id], { documentNumber: number }),
    });
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses an unknown office, a 发文字号 of a future year and an upward document without 签发人, each by name, and queues nothing', async () => {
    const before = await city.models().outgoingMessages.countDocuments();
    const districtSent = await district.models().documents.countDocuments({ box: 'OUTGOING' });
    const unknownOffice = await city.as(secretariat(CITY.id), SEND, {
      input: notice(['office-nowhere']),
    });
    expect(unknownOffice.body.errors?.[0]?.extensions?.['problems']).toEqual([
      '本机关未与“office-nowhere”建立联络，不能向其行文',
    ]);
    const nextYear = Number(new Date().toISOString().slice(0, 4)) + 1;
    const future = await city.as(secretariat(CITY.id), SEND, {
      input: notice([DISTRICT.id], { documentNumber: `哈委办发〔${nextYear}〕1号` }),
    });
    expect(future.body.errors?.[0]?.extensions?.['problems']).toEqual([
      `发文字号的年份 ${nextYear} 不能晚于今年`,
    ]);
    const unsigned = await district.as(secretariat(DISTRICT.id), SEND, {
      input: notice([CITY.id], { kind: 'REPORT', documentNumber: '道委办〔2026〕40号' }),
    });
    expect(unsigned.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rules: ['SIGNER_FOR_UPWARD'],
    });
    expect(await city.models().outgoingMessages.countDocuments()).toBe(before);
    expect(await district.models().documents.countDocuments({ box: 'OUTGOING' })).toBe(
      districtSent,
    );
  });

  it('carries a 请示 up and the 批复 that answers it back down, linked', async () => {
    const request = await district.as<{ sendOfficialDocument: { id: string } }>(
      secretariat(DISTRICT.id),
      SEND,
      {
        input: notice([CITY.id], {
          kind: 'REQUEST',
          documentNumber: '道委办〔2026〕3号',
          title: '关于调整督查时限的请示',
          signer: '刘晓光',
        }),
      },
    );
    expect(request.body.errors).toBeUndefined();
    const requestId = request.body.data!.sendOfficialDocument.id;
    await waitFor(async () => (await cityDoc(requestId)).body.data?.officialDocument, {
      description: 'the 请示 registered at the city',
    });

    const reply = await city.as<{ sendOfficialDocument: { id: string } }>(
      secretariat(CITY.id),
      SEND,
      {
        input: notice([DISTRICT.id], {
          kind: 'REPLY',
          title: '关于调整督查时限的批复',
          inReplyToId: requestId,
        }),
      },
    );
    expect(reply.body.errors).toBeUndefined();
    const replyId = reply.body.data!.sendOfficialDocument.id;
    const answered = await waitFor(
      async () => (await districtDoc(replyId)).body.data?.officialDocument,
      { description: 'the 批复 registered at the district' },
    );
    expect(answered.inReplyTo).toEqual({
      id: requestId,
      kind: 'REQUEST',
      title: '关于调整督查时限的请示',
    });
    expect((await districtDoc(requestId)).body.data?.officialDocument?.replies).toEqual([
      { id: replyId, kind: 'REPLY' },
    ]);
  });

  it('refuses a 批复 that answers nothing it received', async () => {
    const refused = await city.as(secretariat(CITY.id), SEND, {
      input: notice([DISTRICT.id], { kind: 'REPLY' }),
    });
    expect(refused.body.errors?.[0]?.extensions?.['rules']).toEqual(['REPLY_ANSWERS_REQUEST']);
  });

  it('refuses and records a message with a forged signature; takes a duplicate once', async () => {
    const forger = await importSigningKey(await generateSigningJwk(`${CITY.id}-2026`));
    const message = {
      v: 1 as const,
      id: crypto.randomUUID(),
      from: CITY.id,
      to: DISTRICT.id,
      kind: 'RECEIPT' as const,
      matterKey: 'document:x',
      sequence: 1,
      classification: 'PUBLIC' as const,
      sentAt: new Date().toISOString(),
      body: { documentId: crypto.randomUUID(), signedForAt: new Date().toISOString() },
    };
    const url = inboxUrl({ url: `http://127.0.0.1:${district.port}` });
    const forged = await fetch(url, {
      method: 'POST',
      body: JSON.stringify(await signMessage(message, forger)),
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: '签名验证失败' });
    const refusals = await district.as<{
      refusedLiaisonMessages: { reason: string; claimedFrom: string }[];
    }>(
      { officeId: DISTRICT.id, roles: ['SECURITY_OFFICER'] },
      '{ refusedLiaisonMessages { reason claimedFrom } }',
    );
    expect(refusals.body.data?.refusedLiaisonMessages[0]).toEqual({
      reason: '签名验证失败',
      claimedFrom: CITY.id,
    });

    // The real city's key, and a document addressed to the district: taken once, however often posted.
    const documentId = crypto.randomUUID();
    const genuine = await signMessage(
      {
        ...message,
        kind: 'DOCUMENT',
        matterKey: `document:${documentId}`,
        classification: 'INTERNAL',
        body: {
          documentId,
          kind: 'CIRCULAR',
          direction: 'DOWNWARD',
          copyNumber: null,
          secrecyPeriodYears: null,
          urgency: 'NORMAL',
          issuingOfficeName: CITY.name,
          documentNumber: '哈委办通〔2026〕1号',
          signer: null,
          title: '关于督查情况的通报',
          body: '……',
          recipients: [{ officeId: DISTRICT.id, name: DISTRICT.name, role: 'MAIN' }],
          writtenOn: '2026-12-01',
          attachments: [],
          inReplyToId: null,
        },
      },
      city.settings.signingKey,
    );
    const answers = await Promise.all(
      [1, 2, 3].map(() => fetch(url, { method: 'POST', body: JSON.stringify(genuine) })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(await district.models().documents.countDocuments({ _id: documentId })).toBe(1);
  });

  it('shows nothing to a person of another office, and nothing above the clearance', async () => {
    const outsider = await city.as<{ officialDocuments: { totalCount: number } }>(
      { officeId: DISTRICT.id, roles: ['OFFICE_LEADER'], clearance: 'TOP_SECRET' },
      '{ officialDocuments(box: OUTGOING) { totalCount } }',
    );
    expect(outsider.body.data?.officialDocuments.totalCount).toBe(0);
    const member = await city.as<{ officialDocuments: { totalCount: number } }>(
      { officeId: CITY.id, clearance: 'PUBLIC' },
      '{ officialDocuments(box: OUTGOING) { totalCount } }',
    );
    expect(member.body.data?.officialDocuments.totalCount).toBe(0);
    const cleared = await city.as<{ officialDocuments: { totalCount: number } }>(
      { officeId: CITY.id, clearance: 'INTERNAL' },
      '{ officialDocuments(box: OUTGOING) { totalCount } }',
    );
    expect(cleared.body.data?.officialDocuments.totalCount).toBeGreaterThan(0);
  });
});
