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
  hasRead,
  isAddressedTo,
  isOnTime,
  settlesReading,
  uniqueRecipients,
  withReceipts,
} from './distribution.rules.js';
import { rejectUnfitRecipients } from '../organisation/recipients.js';

export interface DistributeInput {
  documentId: string;
  staffIds?: readonly string[] | null;
  divisionIds?: readonly string[] | null;
  dueAt: Date;
  note?: string | null;
  /** Whether every member of each recipient division must read it, not just one for it. */
  everyoneMustRead?: boolean | null;
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
  const everyoneMustRead = input.everyoneMustRead === true;
  const requiredReaders = everyoneMustRead
    ? await membersWhoMayRead(write, divisionIds, document)
    : new Map<string, string[]>();

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
    position: number,
  ): ReadingRequestRecord => ({
    _id: newEntityId('reading'),
    distributionId: distribution._id,
    position,
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
    everyoneMustRead: 'divisionId' in recipient && everyoneMustRead,
    requiredReaderIds:
      'divisionId' in recipient ? (requiredReaders.get(recipient.divisionId) ?? []) : [],
    receipts: [],
  });
  // Positions follow the order addressed, so the sender's list reads as the 分送 was written.
  const requests = [
    ...staffIds.map((staffId, index) => request({ staffId }, index)),
    ...divisionIds.map((divisionId, index) => request({ divisionId }, staffIds.length + index)),
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

/**
 * 已阅 by the addressee or a member of the addressed division, once per person. The receipt is
 * kept; the request is settled (READ, scored, announced) when `settlesReading` says so — at the
 * first 已阅 unless a division request wants every member's.
 */
export async function acknowledgeReading(
  write: SharingWrite,
  reader: HeliClaims,
  input: { readingRequestId: string; comment?: string | null },
  now: Date,
): Promise<ReadingRequestRecord> {
  const { models, session } = write;
  const stored = await models.readingRequests
    .findById(input.readingRequestId)
    .session(session)
    .lean<ReadingRequestRecord>();
  const request = stored && withReceipts(stored);
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
  if (hasRead(request, reader.sub)) throw conflict('您已阅该文件，无需重复确认');

  const onTime = isOnTime(request.dueAt, now);
  const comment = input.comment?.trim() || null;
  // The condition makes a person's 已阅 count once however many times it arrives at once.
  const received = await models.readingRequests
    .findOneAndUpdate(
      { _id: request._id, 'receipts.staffId': { $ne: reader.sub } },
      { $push: { receipts: { staffId: reader.sub, readAt: now, comment, onTime } } },
      { new: true, session },
    )
    .lean<ReadingRequestRecord>();
  if (!received) throw conflict('您已阅该文件，无需重复确认');
  if (received.acknowledgedAt !== null || !settlesReading(withReceipts(received))) return received;

  const divisionId = request.recipientDivisionId ?? reader.divisionId;
  const acknowledged = await models.readingRequests
    .findOneAndUpdate(
      { _id: request._id, acknowledgedAt: null },
      {
        $set: {
          acknowledgedAt: now,
          acknowledgedByStaffId: reader.sub,
          comment,
          onTime,
          divisionId,
        },
      },
      { new: true, session },
    )
    .lean<ReadingRequestRecord>();
  if (!acknowledged) return received;
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

/**
 * The members of each division who must read a document sent to every member: those in it now,
 * still serving and cleared for the document (a member who may not read it is not asked to).
 */
async function membersWhoMayRead(
  { models, session }: Pick<SharingWrite, 'models' | 'session'>,
  divisionIds: readonly string[],
  document: Pick<DocumentRecord, 'classification'>,
): Promise<Map<string, string[]>> {
  const members = await models.directoryStaff
    .find({ divisionId: { $in: divisionIds }, active: true }, { divisionId: 1, clearance: 1 })
    .sort({ _id: 1 })
    .session(session)
    .lean();
  const byDivision = new Map<string, string[]>();
  for (const member of members) {
    if (member.divisionId === null || !canRead(member.clearance, document.classification)) continue;
    byDivision.set(member.divisionId, [...(byDivision.get(member.divisionId) ?? []), member._id]);
  }
  return byDivision;
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
