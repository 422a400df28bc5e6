import type { HeliClaims } from '@heli/auth';
import { sharingEvents } from '@heli/event-contracts';
import { conflict, forbidden, rejectProblems } from '@heli/subgraph-runtime';
import type { SharingWrite } from '../records/sharing-write.js';
import { newEntityId } from '../records/entity-id.js';
import type { DocumentRecord } from './documents.model.js';
import {
  INCOMING_KINDS,
  isIncoming,
  registrationProblems,
  registrationRefusal,
  type DocumentRegistration,
} from './documents.rules.js';

/** Registers a document for the registrar's division and announces it. */
export async function registerDocument(
  write: SharingWrite,
  registrar: HeliClaims,
  input: DocumentRegistration,
  now: Date,
  id: string = newEntityId('document'),
): Promise<DocumentRecord> {
  const refusal = registrationRefusal(input, registrar);
  if (refusal) throw forbidden(refusal);
  rejectProblems(registrationProblems(input, now));
  const incoming = isIncoming(input.kind);
  if (incoming) {
    // One 来文 is registered once per office, whoever registers it; the message names the 文号
    // only, not the record, which the registrar may not be allowed to see.
    const documentNumber = input.documentNumber!.trim();
    const registered = await write.models.documents
      .exists({ officeId: registrar.officeId, kind: { $in: INCOMING_KINDS }, documentNumber })
      .session(write.session);
    if (registered) throw conflict(`文号为“${documentNumber}”的来文已经登记，请勿重复登记`);
  }
  const record: DocumentRecord = {
    _id: id,
    kind: input.kind,
    title: input.title.trim(),
    documentNumber: incoming ? input.documentNumber!.trim() : input.documentNumber?.trim() || null,
    issuer: incoming ? input.issuer!.trim() : input.issuer?.trim() || null,
    issuedOn: input.issuedOn ?? null,
    body: input.body ?? '',
    classification: input.classification,
    officeId: registrar.officeId,
    registeringDivisionId: registrar.divisionId!,
    registeredByStaffId: registrar.sub,
    registeredAt: now,
    readerStaffIds: [registrar.sub],
    readerDivisionIds: [],
  };
  await write.models.documents.create([record], { session: write.session });
  write.emit(
    sharingEvents.documentRegistered,
    {
      documentId: id,
      title: record.title,
      classification: record.classification,
      registeringDivisionId: record.registeringDivisionId,
      registeredByStaffId: registrar.sub,
      registeredAt: now.toISOString(),
    },
    { subject: id },
  );
  return record;
}

/** Gives people and divisions need-to-know on a document (they were sent it or named in it). */
export async function grantReaders(
  write: SharingWrite,
  documentId: string,
  readers: { staffIds?: readonly string[]; divisionIds?: readonly string[] },
): Promise<void> {
  await write.models.documents.updateOne(
    { _id: documentId },
    {
      $addToSet: {
        readerStaffIds: { $each: [...(readers.staffIds ?? [])] },
        readerDivisionIds: { $each: [...(readers.divisionIds ?? [])] },
      },
    },
    { session: write.session },
  );
}
