import { createEnvelope, incomingDocumentEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { incomingDocumentsSubscription } from '../src/incoming-documents/incoming-documents.intake.js';
import { startSharing, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

beforeAll(async () => {
  sharing = await startSharing();
  await sharing.publishDemoOrganisation();
});

afterAll(async () => {
  await sharing?.close();
});

const EXCHANGE_ID = '6f1c2f4e-8a51-4c7e-9a35-0f6d2b1e9c11';
const arrived = createEnvelope(
  incomingDocumentEvents.incomingDocumentArrived,
  {
    exchangeId: EXCHANGE_ID,
    officeId: 'office-harbin',
    fromOfficeId: 'office-heilongjiang',
    fromOfficeName: '中共黑龙江省委办公厅',
    kind: 'NOTICE',
    direction: 'DOWNWARD',
    role: 'MAIN',
    documentNumber: '黑办发〔2026〕8号',
    title: '关于开展年度督查工作的通知',
    body: '各市（地）委办公室：……',
    classification: 'CONFIDENTIAL',
    secrecyPeriodYears: 5,
    copyNumber: '000012',
    urgency: 'URGENT',
    signer: null,
    writtenOn: '2026-02-27',
    attachments: ['督查工作台账'],
    inReplyToExchangeId: null,
    receivedAt: '2026-03-02T01:00:00.000Z',
  },
  { source: 'liaison', subject: EXCHANGE_ID },
);

const REGISTRATIONS = /* GraphQL */ `
  query ($status: IncomingDocumentStatus) {
    incomingRegistrations(status: $status) {
      totalCount
      edges {
        node {
          id
          fromOfficeName
          officialKind
          role
          urgency
          classification
          status
          signedForAt
          document {
            kind
            title
            documentNumber
            issuer
            issuedOn
            body
            registeringDivision {
              id
            }
          }
        }
      }
    }
  }
`;
const SIGN_FOR = 'mutation ($id: ID!) { signForIncomingDocument(id: $id) { status signedForAt } }';

it('registers a document another office sent as the secretariat’s 收文, once however often it arrives', async () => {
  const { handlers } = incomingDocumentsSubscription(sharing.runtime);
  const apply = () =>
    sharing.runtime.conn.transaction((session) =>
      handlers[incomingDocumentEvents.incomingDocumentArrived.fullType]!(arrived, { session }),
    );
  await apply();
  await apply();

  const { body } = await sharing.as('staff-secretariat-head', REGISTRATIONS, {
    status: 'AWAITING_SIGNATURE',
  });
  expect(body.errors).toBeUndefined();
  expect(body.data.incomingRegistrations.totalCount).toBe(1);
  expect(body.data.incomingRegistrations.edges[0].node).toEqual({
    id: EXCHANGE_ID,
    fromOfficeName: '中共黑龙江省委办公厅',
    officialKind: 'NOTICE',
    role: 'MAIN',
    urgency: 'URGENT',
    classification: 'CONFIDENTIAL',
    status: 'AWAITING_SIGNATURE',
    signedForAt: null,
    document: {
      kind: 'INTER_OFFICE',
      title: '关于开展年度督查工作的通知',
      documentNumber: '黑办发〔2026〕8号',
      issuer: '中共黑龙江省委办公厅',
      issuedOn: '2026-02-27',
      body: '各市（地）委办公室：……\n\n附件：1. 督查工作台账',
      registeringDivision: { id: 'div-secretariat' },
    },
  });
});

it('shows it to nobody outside the secretariat and leadership, nor above their clearance', async () => {
  const other = await sharing.as('staff-general-1-head', REGISTRATIONS, {});
  expect(other.body.data.incomingRegistrations.totalCount).toBe(0);
  // 林佳怡 of the secretariat is cleared for 内部 only; the document is 秘密.
  const lowClearance = await sharing.as('staff-secretariat-2', REGISTRATIONS, {});
  expect(lowClearance.body.data.incomingRegistrations.totalCount).toBe(0);
  const refused = await sharing.as('staff-general-1-head', SIGN_FOR, { id: EXCHANGE_ID });
  expect(refused.body.errors[0].extensions.code).toBe('NOT_FOUND');
});

it('is signed for once by the secretariat, which announces the 签收 for liaison', async () => {
  const signed = await sharing.as('staff-secretariat-head', SIGN_FOR, { id: EXCHANGE_ID });
  expect(signed.body.errors).toBeUndefined();
  expect(signed.body.data.signForIncomingDocument).toEqual({
    status: 'SIGNED_FOR',
    signedForAt: '2026-03-02T01:00:00.000Z',
  });
  const again = await sharing.as('staff-secretariat-deputy', SIGN_FOR, { id: EXCHANGE_ID });
  expect(again.body.errors[0].extensions.code).toBe('CONFLICT');

  const announced = await sharing.outboxEvents(incomingDocumentEvents.incomingDocumentSignedFor);
  expect(announced.map((event) => event.data)).toEqual([
    {
      exchangeId: EXCHANGE_ID,
      fromOfficeId: 'office-heilongjiang',
      documentId: `document-incoming-${EXCHANGE_ID}`,
      signedForByStaffId: 'staff-secretariat-head',
      signedForAt: '2026-03-02T01:00:00.000Z',
    },
  ]);
});

it('refuses to register such a document by hand', async () => {
  const { body } = await sharing.as(
    'staff-secretariat-head',
    'mutation ($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }',
    { input: { kind: 'INTER_OFFICE', title: '手工登记', classification: 'INTERNAL' } },
  );
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0].message).toContain('自动登记为收文');
});
