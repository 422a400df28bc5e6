import { on } from '@heli/event-bus';
import { interactionEvents, sharingEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type {
  DistributionRecord,
  ReadingRequestRecord,
} from '../distribution/distribution.model.js';
import { documentSearchTerms } from '../documents/document-search.js';
import type { DocumentRecord } from '../documents/documents.model.js';
import type { SharingModels } from '../models.js';
import { newEntityId } from '../records/entity-id.js';

export const MINUTES_CONSUMER = 'sharing-meeting-minutes';

/** The one document a meeting's minutes are registered as, whoever delivers the event how often. */
export const minutesDocumentId = (meetingId: string) => `document-minutes-${meetingId}`;

/**
 * A closed meeting's minutes (纪要, from interaction) become a MEETING_MINUTES document of the
 * division that ran the meeting, sent for 阅知 to the divisions that were absent. The document's id
 * is derived from the meeting, so a redelivered or republished event finds it and changes nothing.
 * The office is the organising division's, from the directory kept from responsibility's events.
 */
export function minutesSubscription(runtime: SubgraphRuntime<SharingModels>): EventSubscription {
  const { models, outbox } = runtime;
  return {
    consumerName: MINUTES_CONSUMER,
    handlers: on(interactionEvents.minutesPublished, async ({ data }, { session }) => {
      const documentId = minutesDocumentId(data.meetingId);
      if (await models.documents.exists({ _id: documentId }).session(session)) return;
      const organiser = await models.directoryDivisions
        .findById(data.organiserDivisionId, { officeId: 1 })
        .session(session)
        .lean();
      // Not known yet means responsibility's division event is still on its way: fail, retry.
      if (!organiser)
        throw new Error(`division ${data.organiserDivisionId} is not in the directory`);
      const publishedAt = new Date(data.publishedAt);
      const readers = [...new Set(data.absentDivisionIds)];
      const document: DocumentRecord = {
        _id: documentId,
        kind: 'MEETING_MINUTES',
        title: data.title,
        documentNumber: null,
        heldNumber: null,
        issuer: null,
        issuedOn: null,
        body: data.text,
        classification: data.classification,
        officeId: organiser.officeId,
        registeringDivisionId: data.organiserDivisionId,
        registeredByStaffId: data.publishedByStaffId,
        registeredAt: publishedAt,
        readerStaffIds: [data.publishedByStaffId],
        readerDivisionIds: readers,
      };
      document.searchTerms = documentSearchTerms(document);
      await models.documents.create([document], { session });
      await outbox.emitIn(
        session,
        sharingEvents.documentRegistered,
        {
          documentId,
          title: document.title,
          classification: document.classification,
          registeringDivisionId: document.registeringDivisionId,
          registeredByStaffId: document.registeredByStaffId,
          registeredAt: data.publishedAt,
        },
        { subject: documentId },
      );
      if (readers.length === 0) return;

      const dueAt = new Date(data.readingDueAt);
      const distribution: DistributionRecord = {
        _id: newEntityId('distribution'),
        documentId,
        senderStaffId: data.publishedByStaffId,
        senderDivisionId: data.organiserDivisionId,
        recipientStaffIds: [],
        recipientDivisionIds: readers,
        dueAt,
        note: '会议纪要，请未参会处室阅知',
        distributedAt: publishedAt,
      };
      const requests: ReadingRequestRecord[] = readers.map((divisionId, position) => ({
        _id: newEntityId('reading'),
        distributionId: distribution._id,
        position,
        documentId,
        documentTitle: document.title,
        classification: document.classification,
        recipientStaffId: null,
        recipientDivisionId: divisionId,
        divisionId,
        sentAt: publishedAt,
        dueAt,
        acknowledgedAt: null,
        acknowledgedByStaffId: null,
        comment: null,
        onTime: null,
        reminderCount: 0,
        lastRemindedAt: null,
        overdueAnnouncedAt: null,
        everyoneMustRead: false,
        requiredReaderIds: [],
        receipts: [],
      }));
      await models.distributions.create([distribution], { session });
      await models.readingRequests.insertMany(requests, { session, lean: true });
      await outbox.emitIn(
        session,
        sharingEvents.documentDistributed,
        {
          distributionId: distribution._id,
          documentId,
          senderDivisionId: distribution.senderDivisionId,
          recipientStaffIds: [],
          recipientDivisionIds: readers,
          dueAt: data.readingDueAt,
          distributedAt: data.publishedAt,
        },
        { subject: distribution._id },
      );
    }),
  };
}
