import { on } from '@heli/event-bus';
import { incomingDocumentEvents, sharingEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import { documentSearchTerms } from '../documents/document-search.js';
import type { DocumentRecord } from '../documents/documents.model.js';
import type { SharingModels } from '../models.js';
import { incomingDocumentId, registeredBody } from './incoming-documents.rules.js';

export const INCOMING_DOCUMENTS_CONSUMER = 'sharing-incoming-documents';

/**
 * 收文: a 公文 another office sent reaches this office's liaison, which announces it; here it is
 * registered as a document of the secretariat (kind INTER_OFFICE, the 文号, 发文机关 and 成文日期
 * of the original) with a 收文登记 awaiting 签收. The registration's id is the exchange id and the
 * document's id derives from it, so a redelivered event finds both and changes nothing.
 *
 * One deployment serves one office, so its directory holds one secretariat; until responsibility's
 * events have told the directory about it the handler fails and the event is delivered again.
 */
export function incomingDocumentsSubscription(
  runtime: SubgraphRuntime<SharingModels>,
): EventSubscription {
  const { models, outbox } = runtime;
  return {
    consumerName: INCOMING_DOCUMENTS_CONSUMER,
    handlers: on(incomingDocumentEvents.incomingDocumentArrived, async ({ data }, { session }) => {
      if (await models.incomingRegistrations.exists({ _id: data.exchangeId }).session(session)) {
        return;
      }
      const secretariat = await models.directoryDivisions
        .findOne({ kind: 'SECRETARIAT' }, { _id: 1, headStaffId: 1 })
        .sort({ _id: 1 })
        .session(session)
        .lean();
      if (!secretariat?.headStaffId) {
        throw new Error('the secretariat and its head are not in the directory yet');
      }
      const receivedAt = new Date(data.receivedAt);
      const documentId = incomingDocumentId(data.exchangeId);
      const document: DocumentRecord = {
        _id: documentId,
        kind: 'INTER_OFFICE',
        title: data.title,
        documentNumber: data.documentNumber,
        // The exchange id keeps it single; a 文号 of another office is not this office's to hold.
        heldNumber: null,
        issuer: data.fromOfficeName,
        issuedOn: data.writtenOn,
        body: registeredBody(data.body, data.attachments),
        classification: data.classification,
        officeId: data.officeId,
        registeringDivisionId: secretariat._id,
        registeredByStaffId: secretariat.headStaffId,
        registeredAt: receivedAt,
        readerStaffIds: [],
        readerDivisionIds: [],
      };
      document.searchTerms = documentSearchTerms(document);
      await models.documents.create([document], { session });
      await models.incomingRegistrations.create(
        [
          {
            _id: data.exchangeId,
            documentId,
            officeId: data.officeId,
            fromOfficeId: data.fromOfficeId,
            fromOfficeName: data.fromOfficeName,
            officialKind: data.kind,
            role: data.role,
            urgency: data.urgency,
            classification: data.classification,
            secretariatDivisionId: secretariat._id,
            status: 'AWAITING_SIGNATURE',
            receivedAt,
            signedForAt: null,
            signedForByStaffId: null,
          },
        ],
        { session },
      );
      await outbox.emitIn(
        session,
        sharingEvents.documentRegistered,
        {
          documentId,
          title: document.title,
          classification: document.classification,
          registeringDivisionId: document.registeringDivisionId,
          registeredByStaffId: document.registeredByStaffId,
          registeredAt: data.receivedAt,
        },
        { subject: documentId },
      );
    }),
  };
}
