import { lengthProblem, MAX_NOTE_LENGTH } from '../schema/text-limits.js';
import type { ReadingRequestRecord } from './distribution.model.js';

/** A distribution may reach at most this many recipients at once. */
export const MAX_RECIPIENTS = 2_000;

export interface DistributionRequest {
  staffIds: readonly string[];
  divisionIds: readonly string[];
  dueAt: Date;
  note?: string | null;
}

/** Everything wrong with a distribution request, for the sender. */
export function distributionProblems(request: DistributionRequest, now: Date): string[] {
  const problems: string[] = [];
  const total = new Set(request.staffIds).size + new Set(request.divisionIds).size;
  if (total === 0) problems.push('请至少选择一位领导、一个部门或一个处室');
  if (total > MAX_RECIPIENTS) problems.push(`一次分送不能超过 ${MAX_RECIPIENTS} 个对象`);
  if (request.dueAt.getTime() <= now.getTime()) problems.push('阅知时限必须晚于现在');
  const noteTooLong = lengthProblem(request.note, MAX_NOTE_LENGTH, '分送说明');
  if (noteTooLong) problems.push(noteTooLong);
  return problems;
}

/** Unique recipients in the order given; sending twice to one reader in one go is one request. */
export function uniqueRecipients(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

type ReadingState = Pick<ReadingRequestRecord, 'acknowledgedAt' | 'dueAt'>;

export type ReadingStatus = 'READ' | 'UNREAD' | 'OVERDUE';

/** READ once acknowledged; UNREAD until the due time passes, then OVERDUE. */
export function readingStatus(request: ReadingState, now: Date): ReadingStatus {
  if (request.acknowledgedAt !== null) return 'READ';
  return request.dueAt.getTime() < now.getTime() ? 'OVERDUE' : 'UNREAD';
}

/** The MongoDB condition for requests in `status` at `now`; agrees with `readingStatus`. */
export function readingStatusFilter(status: ReadingStatus, now: Date): Record<string, unknown> {
  switch (status) {
    case 'READ':
      return { acknowledgedAt: { $ne: null } };
    case 'UNREAD':
      return { acknowledgedAt: null, dueAt: { $gte: now } };
    case 'OVERDUE':
      return { acknowledgedAt: null, dueAt: { $lt: now } };
  }
}

/** Whether `reader` may acknowledge the request: it is addressed to them or their division. */
export function isAddressedTo(
  request: Pick<ReadingRequestRecord, 'recipientStaffId' | 'recipientDivisionId'>,
  reader: { sub: string; divisionId: string | null },
): boolean {
  if (request.recipientStaffId !== null) return request.recipientStaffId === reader.sub;
  return reader.divisionId !== null && request.recipientDivisionId === reader.divisionId;
}

type ReadingParts = Pick<
  ReadingRequestRecord,
  | 'recipientStaffId'
  | 'acknowledgedAt'
  | 'acknowledgedByStaffId'
  | 'everyoneMustRead'
  | 'requiredReaderIds'
  | 'receipts'
>;

/** A request as stored before receipts were kept reads as one with none. */
export function withReceipts<T extends Partial<ReadingParts>>(
  request: T,
): T & Pick<ReadingRequestRecord, 'everyoneMustRead' | 'requiredReaderIds' | 'receipts'> {
  return {
    ...request,
    everyoneMustRead: request.everyoneMustRead ?? false,
    requiredReaderIds: request.requiredReaderIds ?? [],
    receipts: request.receipts ?? [],
  };
}

/** Whether this person has already said 已阅 to the request (before receipts, the settler had). */
export function hasRead(request: ReadingParts, staffId: string): boolean {
  if (request.receipts.some((receipt) => receipt.staffId === staffId)) return true;
  if (request.recipientStaffId !== null) return request.acknowledgedAt !== null;
  return request.acknowledgedByStaffId === staffId;
}

/**
 * Whether the request is settled by the receipts it has: a person's by their 已阅; a division's
 * by the first member's, or — sent to every member — once each member who must read has read.
 */
export function settlesReading(
  request: Pick<ReadingRequestRecord, 'everyoneMustRead' | 'requiredReaderIds' | 'receipts'>,
): boolean {
  if (request.receipts.length === 0) return false;
  if (!request.everyoneMustRead) return true;
  const read = new Set(request.receipts.map((receipt) => receipt.staffId));
  return request.requiredReaderIds.every((staffId) => read.has(staffId));
}

export interface ReaderLine {
  staffId: string;
  mustRead: boolean;
  readAt: Date | null;
  comment: string | null;
  onTime: boolean | null;
}

/**
 * Who in the recipient has read and who must: the members who must read in the order named,
 * each with their receipt if any, then anyone else who read, in the order they did.
 */
export function readerLines(
  request: Pick<
    ReadingRequestRecord,
    | 'recipientStaffId'
    | 'requiredReaderIds'
    | 'receipts'
    | 'acknowledgedAt'
    | 'acknowledgedByStaffId'
    | 'comment'
    | 'onTime'
  >,
): ReaderLine[] {
  const receipts = [...request.receipts];
  // Requests settled before receipts were kept still name who settled them.
  if (
    receipts.length === 0 &&
    request.acknowledgedAt !== null &&
    request.acknowledgedByStaffId !== null
  ) {
    receipts.push({
      staffId: request.acknowledgedByStaffId,
      readAt: request.acknowledgedAt,
      comment: request.comment,
      onTime: request.onTime ?? true,
    });
  }
  const byStaff = new Map(receipts.map((receipt) => [receipt.staffId, receipt]));
  const required =
    request.recipientStaffId !== null ? [request.recipientStaffId] : request.requiredReaderIds;
  const line = (staffId: string, mustRead: boolean): ReaderLine => {
    const receipt = byStaff.get(staffId);
    return {
      staffId,
      mustRead,
      readAt: receipt?.readAt ?? null,
      comment: receipt?.comment ?? null,
      onTime: receipt?.onTime ?? null,
    };
  };
  const requiredSet = new Set(required);
  return [
    ...required.map((staffId) => line(staffId, true)),
    ...receipts
      .filter((receipt) => !requiredSet.has(receipt.staffId))
      .map((receipt) => line(receipt.staffId, false)),
  ];
}

/** An acknowledgement at `now` is on time when it is not later than the due time. */
export function isOnTime(dueAt: Date, now: Date): boolean {
  return now.getTime() <= dueAt.getTime();
}

export interface ReadingTally {
  requested: number;
  read: number;
  readOnTime: number;
  overdue: number;
}

/**
 * The share of readings that were acknowledged on time, out of those that are settled — read,
 * or past due unread. Null while nothing is settled, so a new division is not scored 0.
 */
export function readOnTimeRate({ read, readOnTime, overdue }: ReadingTally): number | null {
  const settled = read + overdue;
  return settled === 0 ? null : readOnTime / settled;
}
