import { createEnvelope, interactionEvents, sharingEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { minutesDocumentId, minutesSubscription } from '../src/meeting-minutes/minutes-intake.js';
import { startSharing, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

beforeAll(async () => {
  sharing = await startSharing();
  await sharing.publishDemoOrganisation();
});

afterAll(async () => {
  await sharing?.close();
});

const minutes = createEnvelope(
  interactionEvents.minutesPublished,
  {
    meetingId: 'meeting-13',
    meetingKind: 'DELIBERATION',
    title: '第十三次议政会纪要',
    text: '会议部署了政务信息共享目录建设。',
    classification: 'INTERNAL',
    organiserDivisionId: 'div-meetings',
    publishedByStaffId: 'staff-director',
    absentDivisionIds: ['div-research'],
    readingDueAt: '2026-03-05T09:30:00.000Z',
    publishedAt: '2026-03-02T01:00:00.000Z',
  },
  { source: 'interaction', subject: 'meeting-13' },
);

const INBOX = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Staff {
        readingInbox {
          edges {
            node {
              documentTitle
              dueAt
              status
              document {
                id
                body
              }
            }
          }
        }
      }
    }
  }
`;

it('registers the minutes once and sends them to the absent divisions to read, however often they come', async () => {
  const { handlers } = minutesSubscription(sharing.runtime);
  const apply = () =>
    sharing.runtime.conn.transaction((session) =>
      handlers[interactionEvents.minutesPublished.fullType]!(minutes, { session }),
    );
  await apply();
  await apply();

  const documentId = minutesDocumentId('meeting-13');
  expect(await sharing.models.documents.find({ _id: documentId }).lean()).toEqual([
    expect.objectContaining({
      kind: 'MEETING_MINUTES',
      registeringDivisionId: 'div-meetings',
      readerDivisionIds: ['div-research'],
    }),
  ]);
  expect(await sharing.models.readingRequests.countDocuments({ documentId })).toBe(1);
  expect(
    (await sharing.outboxEvents(sharingEvents.documentDistributed)).filter(
      (event) => event.data['documentId'] === documentId,
    ),
  ).toHaveLength(1);

  const inbox = await sharing.as('staff-research-1', INBOX, {
    reps: [{ __typename: 'Staff', id: 'staff-research-1' }],
  });
  expect(inbox.body.data._entities[0].readingInbox.edges).toEqual([
    {
      node: {
        documentTitle: '第十三次议政会纪要',
        dueAt: '2026-03-05T09:30:00.000Z',
        status: 'UNREAD',
        document: { id: documentId, body: '会议部署了政务信息共享目录建设。' },
      },
    },
  ]);
  // A division that attended was not sent them and may not read them.
  const present = await sharing.as('staff-general-1-1', INBOX, {
    reps: [{ __typename: 'Staff', id: 'staff-general-1-1' }],
  });
  expect(present.body.data._entities[0].readingInbox.edges).toEqual([]);
});

it('refuses minutes registered by hand', async () => {
  const refused = await sharing.as(
    'staff-meetings-1',
    `mutation { registerDocument(input: { kind: MEETING_MINUTES, title: "纪要", classification: INTERNAL }) { id } }`,
  );
  expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(refused.body.errors[0].message).toContain('会议纪要在会议结束时自动登记');
});
