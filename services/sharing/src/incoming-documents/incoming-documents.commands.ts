import type { HeliClaims } from '@heli/auth';
import { incomingDocumentEvents } from '@heli/event-contracts';
import { conflict, notFound } from '@heli/subgraph-runtime';
import type { SharingWrite } from '../records/sharing-write.js';
import type { IncomingRegistrationRecord } from './incoming-registration.model.js';
import { canHandleIncoming } from './incoming-documents.rules.js';

/**
 * 签收 a 收文 from another office: once (a conditional write, so two secretaries at once get one
 * 签收 and one CONFLICT), announced so liaison tells the sending office 已签收. Someone who may
 * not handle it is told it does not exist.
 */
export async function signForIncomingDocument(
  { models, session, emit }: SharingWrite,
  viewer: HeliClaims,
  exchangeId: string,
  now: Date,
): Promise<IncomingRegistrationRecord> {
  const existing = await models.incomingRegistrations.findById(exchangeId).session(session).lean();
  if (existing === null || !canHandleIncoming(viewer, existing))
    throw notFound(`收文“${exchangeId}”`);
  const signed = await models.incomingRegistrations
    .findOneAndUpdate(
      { _id: exchangeId, status: 'AWAITING_SIGNATURE' },
      { $set: { status: 'SIGNED_FOR', signedForAt: now, signedForByStaffId: viewer.sub } },
      { new: true, session },
    )
    .lean();
  if (signed === null) throw conflict('该收文已经签收');
  emit(
    incomingDocumentEvents.incomingDocumentSignedFor,
    {
      exchangeId,
      fromOfficeId: signed.fromOfficeId,
      documentId: signed.documentId,
      signedForByStaffId: viewer.sub,
      signedForAt: now.toISOString(),
    },
    { subject: signed.documentId },
  );
  return signed;
}
