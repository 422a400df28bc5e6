import { canRead, type HeliClaims } from '@heli/auth';
import { sharingEvents } from '@heli/event-contracts';
import { conflict, forbidden, rejectProblems } from '@heli/subgraph-runtime';
import type { SharingWrite } from '../records/sharing-write.js';
import { newEntityId } from '../records/entity-id.js';
import { documentSearchTerms } from './document-search.js';
import type { DocumentRecord } from './documents.model.js';
import {
  documentNumberKey,
  isIncoming,
  registrationProblems,
  registrationRefusal,
  type DocumentRegistration,
} from './documents.rules.js';

/**
 * Registers a document for the registrar's division and announces it.
 *
 * One 来文 is registered once per office, whoever registers it: a 文号 already held by a document
 * the registrar's clearance covers is refused CONFLICT (naming the 文号 only — they may lack the
 * need-to-know for the record itself). A 文号 held by a document above their clearance must not be
 * confirmed to them, or registering becomes a way to find out which secret numbers exist: the
 * registration is answered exactly as for a new number, stored as the registrar's own copy that
 * does not hold the number, and logged for the security officer (a paper marked lower than the
 * registered original is a security matter either way). Concurrent registrations of one number
 * collide on a unique index; `retryOnDuplicateKey` runs the loser again, which then sees the winner.
 */
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
  let heldNumber: string | null = null;
  if (incoming) {
    const documentNumber = input.documentNumber!.trim();
    const key = documentNumberKey(documentNumber);
    const holder = await write.models.documents
      .findOne({ officeId: registrar.officeId, heldNumber: key }, { classification: 1 })
      .session(write.session)
      .lean<Pick<DocumentRecord, '_id' | 'classification'>>();
    if (!holder) heldNumber = key;
    else if (canRead(registrar.clearance, holder.classification)) {
      throw conflict(`文号为“${documentNumber}”的来文已经登记，请勿重复登记`);
    } else {
      write.logger?.warn(
        { documentId: id, holderId: holder._id, registrar: registrar.sub },
        'security: a registration reused the 文号 of a document above the registrar’s clearance',
      );
    }
  }
  const record: DocumentRecord = {
    _id: id,
    kind: input.kind,
    title: input.title.trim(),
    documentNumber: incoming ? input.documentNumber!.trim() : input.documentNumber?.trim() || null,
    heldNumber,
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
  record.searchTerms = documentSearchTerms(record);
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
