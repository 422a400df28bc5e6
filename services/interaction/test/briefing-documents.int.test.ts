import { createEnvelope, natsSubject, sharingEvents } from '@heli/event-contracts';
import { waitFor } from '@heli/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADD_ITEM, SCHEDULE, startInteraction, type Interaction } from './interaction-harness.js';

let interaction: Interaction;
const HEAD = 'staff-general-1-head';

beforeAll(async () => {
  interaction = await startInteraction();
});

afterAll(async () => {
  await interaction?.close();
});

const registered = (documentId: string, classification: 'INTERNAL' | 'TOP_SECRET') =>
  createEnvelope(
    sharingEvents.documentRegistered,
    {
      documentId,
      title: classification === 'INTERNAL' ? '关于加强政务资源共享工作的通知' : '绝密文件',
      classification,
      registeringDivisionId: 'div-secretariat',
      registeredByStaffId: 'staff-secretariat-1',
      registeredAt: '2026-11-20T09:00:00.000Z',
    },
    { source: 'sharing', subject: documentId },
  );

it('links to a 通报 item only documents sharing registered and the person may read', async () => {
  const { nc, namespace, models, ok, as, clock } = interaction;
  const js = nc.jetstream();
  const subject = natsSubject(namespace, sharingEvents.documentRegistered);
  for (const event of [registered('doc-notice', 'INTERNAL'), registered('doc-top', 'TOP_SECRET')]) {
    await js.publish(subject, JSON.stringify(event), { msgID: event.id });
    // Redelivered: taken in once all the same.
    await js.publish(subject, JSON.stringify(event));
  }
  await waitFor(async () => (await models.knownDocuments.countDocuments()) === 2, {
    timeoutMs: 30_000,
    description: 'the registered documents to be taken in',
  });

  const meetingId = (
    await ok(HEAD, SCHEDULE, {
      input: {
        kind: 'DELIBERATION',
        title: '第十四次议政会',
        startsAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
        chairStaffId: HEAD,
        attendingDivisionIds: ['div-general-1', 'div-general-2'],
      },
    })
  ).scheduleMeeting.id;
  const briefing = (documentIds: string[]) =>
    as(HEAD, ADD_ITEM, {
      meetingId,
      input: { kind: 'BRIEFING', title: '通报省委办公厅通知', documentIds },
    });

  // 高振宇 is cleared to 机密 (SECRET), below 绝密: refused in the same words as a document that
  // does not exist.
  const unknown = await briefing(['doc-missing']);
  const above = await briefing(['doc-top']);
  expect(unknown.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(unknown.errors[0].message).toBe('找不到文件“doc-missing”，或无权引用');
  expect(above.errors[0].message).toBe('找不到文件“doc-top”，或无权引用');
  expect((await models.meetings.findById(meetingId).lean())!.agenda).toEqual([]);

  const linked = await briefing(['doc-notice']);
  expect(linked.errors).toBeUndefined();
  const agenda = (await models.meetings.findById(meetingId).lean())!.agenda;
  expect(agenda.map((item) => item.documentIds)).toEqual([['doc-notice']]);
});
