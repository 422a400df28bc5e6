import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMongo, waitFor, type TestMongo } from '@heli/testkit';
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

type Recipient = { delivery: string; failureReason: string | null; attempts: number };

/** Links go down: what is sent meanwhile waits in the outbox and arrives once, in order. */
describe('an outage of the district office', () => {
  let mongo: TestMongo;
  let city: TestOffice;
  let district: TestOffice;

  beforeAll(async () => {
    mongo = await startTestMongo();
    const offices = await startOffices(
      mongo,
      [CITY, DISTRICT],
      [[CITY.id, DISTRICT.id, 'LOWER', 'CONFIDENTIAL']],
    );
    city = offices.get(CITY.id)!;
    district = offices.get(DISTRICT.id)!;
  });
  afterAll(async () => {
    await city?.stop();
    await district?.stop();
    await mongo?.stop();
  });

  const recipient = async (id: string) =>
    (
      await city.as<{ officialDocument: { mainRecipients: Recipient[] } }>(
        secretariat(CITY.id),
        DOCUMENT,
        { id },
      )
    ).body.data!.officialDocument.mainRecipients[0]!;

  it('keeps three documents 待发送 while the district is down and delivers each once, in order, when it is back', async () => {
    await district.stop();
    const ids: string[] = [];
    for (const title of ['第一份通知', '第二份通知', '第三份通知']) {
      const sent = await city.as<{ sendOfficialDocument: { id: string } }>(
        secretariat(CITY.id),
        SEND,
        {
          input: notice([DISTRICT.id], { title }),
        },
      );
      expect(sent.body.errors).toBeUndefined();
      ids.push(sent.body.data!.sendOfficialDocument.id);
    }
    const waiting = await waitFor(
      async () => {
        const first = await recipient(ids[0]!);
        return first.attempts >= 2 ? first : null;
      },
      { description: 'the relay tried the district at least twice' },
    );
    expect(waiting.delivery).toBe('PENDING');
    expect(waiting.failureReason).toContain('无法连接');
    expect((await recipient(ids[2]!)).delivery).toBe('PENDING');

    await district.restart();
    await waitFor(
      async () => (await Promise.all(ids.map(recipient))).every((r) => r.delivery === 'DELIVERED'),
      { description: 'all three delivered after the restart', timeoutMs: 30_000 },
    );

    const inbox = await district
      .models()
      .incomingMessages.find({ kind: 'DOCUMENT' })
      .sort({ receivedAt: 1, sequence: 1 })
      .lean();
    expect(inbox.map((message) => message.sequence)).toEqual(
      [...inbox.map((message) => message.sequence)].sort((a, b) => a - b),
    );
    const received = await district
      .models()
      .documents.find({ box: 'INCOMING' })
      .sort({ receivedAt: 1 })
      .lean();
    expect(received.map((document) => document.title)).toEqual([
      '第一份通知',
      '第二份通知',
      '第三份通知',
    ]);
    expect(received.map((document) => document._id)).toEqual(ids);
  });

  it('marks a delivery the district refuses 失败 with the reason, and retries it on request', async () => {
    // The district no longer accepts the city's key (a rotation done on one side only); its
    // verifier reads the link's keys at each message, as after a restart with the new config.
    const genuineKeys = district.settings.links[0]!.publicKeys;
    (district.settings.links[0] as { publicKeys: unknown[] }).publicKeys = [
      { ...genuineKeys[0]!, kid: 'retired-key' },
    ];
    const sent = await city.as<{ sendOfficialDocument: { id: string } }>(
      secretariat(CITY.id),
      SEND,
      {
        input: notice([DISTRICT.id], { title: '密钥轮换期间的通知' }),
      },
    );
    const id = sent.body.data!.sendOfficialDocument.id;
    const failed = await waitFor(
      async () => {
        const r = await recipient(id);
        return r.delivery === 'FAILED' ? r : null;
      },
      { description: 'the refusal reaches the city' },
    );
    expect(failed.failureReason).toBe(`${DISTRICT.name}拒收：签名密钥未登记`);

    (district.settings.links[0] as { publicKeys: unknown[] }).publicKeys = genuineKeys;
    const retried = await city.as(
      secretariat(CITY.id),
      'mutation($d: ID!, $o: ID!) { retryDocumentDelivery(documentId: $d, officeId: $o) { id } }',
      { d: id, o: DISTRICT.id },
    );
    expect(retried.body.errors).toBeUndefined();
    await waitFor(async () => (await recipient(id)).delivery === 'DELIVERED', {
      description: 'delivered after the retry',
    });
  });
});
