import { canRead, isOfficeLeader, type HeliClaims } from '@heli/auth';
import { sharingEvents } from '@heli/event-contracts';
import { conflict, forbidden, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { documentVisibilityFilter } from '../access/visibility.rules.js';
import { grantReaders } from '../documents/documents.commands.js';
import type { DocumentRecord } from '../documents/documents.model.js';
import { newEntityId } from '../records/entity-id.js';
import { lengthProblem, MAX_NOTE_LENGTH } from '../schema/text-limits.js';
import type { SharingWrite } from '../records/sharing-write.js';
import type { DistributionRecord, ReadingRequestRecord } from './distribution.model.js';
import {
  distributionProblems,
  isAddressedTo,
  isOnTime,
  uniqueRecipients,
} from './distribution.rules.js';
import { rejectUnfitRecipients } from '../organisation/recipients.js';

export interface DistributeInput {
  documentId: string;
  staffIds?: readonly string[] | null;
  divisionIds?: readonly string[] | null;
  dueAt: Date;
  note?: string | null;
}

/** Whether the viewer may send a document on and see who has read it. */
export function canManageDistributions(viewer: HeliClaims, senderDivisionId: string): boolean {
  return isOfficeLeader(viewer) || viewer.divisionId === senderDivisionId;
}

/**
 * 分送: one reading request per recipient, written with one bulk insert in the same transaction
 * as the distribution and its single `document.distributed` event — however many recipients.
 */
export async function distributeDocument(
  write: SharingWrite,
  sender: HeliClaims,
  input: DistributeInput,
  now: Date,
): Promise<DistributionRecord> {
  const { models, session } = write;
  const document = await models.documents
    .findOne({ $and: [{ _id: input.documentId }, documentVisibilityFilter(sender)] })
    .session(session)
    .lean<DocumentRecord>();
  if (!document) throw notFound(`文件 ${input.documentId}`);
  if (!(isOfficeLeader(sender) || sender.divisionId === document.registeringDivisionId)) {
    throw forbidden('只有登记该文件的处室或厅领导可以分送');
  }
  const staffIds = uniqueRecipients(input.staffIds ?? []);
  const divisionIds = uniqueRecipients(input.divisionIds ?? []);
  rejectProblems(
    distributionProblems({ staffIds, divisionIds, dueAt: input.dueAt, note: input.note }, now),
  );
  await rejectUnfitRecipients(write, sender, { staffIds, divisionIds }, document);

  const distribution: DistributionRecord = {
    _id: newEntityId('distribution'),
    documentId: document._id,
    senderStaffId: sender.sub,
    senderDivisionId: sender.divisionId ?? document.registeringDivisionId,
    recipientStaffIds: staffIds,
    recipientDivisionIds: divisionIds,
    dueAt: input.dueAt,
    note: input.note?.trim() || null,
    distributedAt: now,
  };
  const request = (
    recipient: { staffId: string } | { divisionId: string },
  ): ReadingRequestRecord => ({
    _id: newEntityId('reading'),
    distributionId: distribution._id,
    documentId: document._id,
    documentTitle: document.title,
    classification: document.classification,
    recipientStaffId: 'staffId' in recipient ? recipient.staffId : null,
    recipientDivisionId: 'divisionId' in recipient ? recipient.divisionId : null,
    divisionId: 'divisionId' in recipient ? recipient.divisionId : null,
    sentAt: now,
    dueAt: input.dueAt,
    acknowledgedAt: null,
    acknowledgedByStaffId: null,
    comment: null,
    onTime: null,
    reminderCount: 0,
    lastRemindedAt: null,
    overdueAnnouncedAt: null,
  });
  const requests = [
    ...staffIds.map((staffId) => request({ staffId })),
    ...divisionIds.map((divisionId) => request({ divisionId })),
  ];

  await models.distributions.create([distribution], { session });
  // Plain records the service built itself: skip mongoose's per-document casting and hydration.
  await models.readingRequests.insertMany(requests, { session, lean: true });
  await grantReaders(write, document._id, { staffIds, divisionIds });
  write.emit(
    sharingEvents.documentDistributed,
    {
      distributionId: distribution._id,
      documentId: document._id,
      senderDivisionId: distribution.senderDivisionId,
      recipientStaffIds: staffIds,
      recipientDivisionIds: divisionIds,
      dueAt: input.dueAt.toISOString(),
      distributedAt: now.toISOString(),
    },
    { subject: distribution._id },
  );
  return distribution;
}

/** 已阅: the recipient (or anyone in the recipient division) acknowledges, once. */
export async function acknowledgeReading(
  write: SharingWrite,
  reader: HeliClaims,
  input: { readingRequestId: string; comment?: string | null },
  now: Date,
): Promise<ReadingRequestRecord> {
  const { models, session } = write;
  const request = await models.readingRequests
    .findById(input.readingRequestId)
    .session(session)
    .lean<ReadingRequestRecord>();
  // A request above the reader's clearance is answered like a missing one: refusing it as
  // forbidden would confirm that a document at that level was sent to them.
  if (
    !request ||
    !isAddressedTo(request, reader) ||
    !canRead(reader.clearance, request.classification)
  ) {
    throw notFound(`阅件 ${input.readingRequestId}`);
  }
  rejectProblems([lengthProblem(input.comment, MAX_NOTE_LENGTH, '阅知意见')]);
  if (request.acknowledgedAt !== null) throw conflict('该文件已阅，无需重复确认');

  const onTime = isOnTime(request.dueAt, now);
  const divisionId = request.recipientDivisionId ?? reader.divisionId;
  const acknowledged = await models.readingRequests
    .findOneAndUpdate(
      { _id: request._id, acknowledgedAt: null },
      {
        $set: {
          acknowledgedAt: now,
          acknowledgedByStaffId: reader.sub,
          comment: input.comment?.trim() || null,
          onTime,
          divisionId,
        },
      },
      { new: true, session },
    )
    .lean<ReadingRequestRecord>();
  if (!acknowledged) throw conflict('该文件已阅，无需重复确认');
  write.emit(
    sharingEvents.readingAcknowledged,
    {
      readingRequestId: request._id,
      documentId: request.documentId,
      staffId: reader.sub,
      divisionId,
      dueAt: request.dueAt.toISOString(),
      acknowledgedAt: now.toISOString(),
      onTime,
    },
    { subject: request._id },
  );
  return acknowledged;
}

/** 催阅: every unread request of the distribution gets a reminder; returns how many. */
export async function remindUnreadReaders(
  write: SharingWrite,
  sender: HeliClaims,
  distributionId: string,
  now: Date,
): Promise<{ remindedCount: number; distribution: DistributionRecord }> {
  const { models, session } = write;
  const distribution = await models.distributions
    .findById(distributionId)
    .session(session)
    .lean<DistributionRecord>();
  if (!distribution || !canManageDistributions(sender, distribution.senderDivisionId)) {
    throw notFound(`分送 ${distributionId}`);
  }
  const result = await models.readingRequests.updateMany(
    { distributionId, acknowledgedAt: null },
    { $inc: { reminderCount: 1 }, $set: { lastRemindedAt: now } },
    { session },
  );
  return { remindedCount: result.modifiedCount, distribution };
}
