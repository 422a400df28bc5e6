import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

export interface DistributionRecord {
  _id: string;
  documentId: string;
  senderStaffId: string;
  senderDivisionId: string;
  recipientStaffIds: string[];
  recipientDivisionIds: string[];
  dueAt: Date;
  note: string | null;
  distributedAt: Date;
}

const distributionSchema = new Schema<DistributionRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: String, required: true },
    senderStaffId: { type: String, required: true },
    senderDivisionId: { type: String, required: true },
    recipientStaffIds: { type: [String], default: [] },
    recipientDivisionIds: { type: [String], default: [] },
    dueAt: { type: Date, required: true },
    note: { type: String, default: null },
    distributedAt: { type: Date, required: true },
  },
  { collection: 'distributions', versionKey: false },
);
distributionSchema.index({ documentId: 1, distributedAt: 1 });
distributionSchema.index({ senderDivisionId: 1, distributedAt: -1 });
// Office leadership's `sentDistributions` (every division's) page by walking this index.
distributionSchema.index({ distributedAt: -1, _id: -1 });

export type DistributionModel = Model<DistributionRecord>;

export function distributionModel(conn: Connection): DistributionModel {
  return (
    (conn.models['Distribution'] as DistributionModel | undefined) ??
    conn.model('Distribution', distributionSchema)
  );
}

/** One person's 已阅 of a reading request: the addressee's own, or a division member's. */
export interface ReadingReceiptRecord {
  staffId: string;
  readAt: Date;
  comment: string | null;
  onTime: boolean;
}

/**
 * One recipient's 阅知 request. A request to a person is theirs to acknowledge. A request to a
 * division is read by its members, each 已阅 kept as a receipt: it is settled by the first
 * member's 已阅, or — sent with `everyoneMustRead` — once every member named in
 * `requiredReaderIds` (those in the division and cleared for the document when it was sent) has
 * read it. The document's title and classification are copied so an inbox lists and filters by
 * clearance without loading every document.
 */
export interface ReadingRequestRecord {
  _id: string;
  distributionId: string;
  /** Where the recipient stood in the distribution as addressed: people first, then divisions. */
  position: number;
  documentId: string;
  documentTitle: string;
  classification: Classification;
  recipientStaffId: string | null;
  recipientDivisionId: string | null;
  /**
   * The division the reading counts for: the recipient division, or for a person the division
   * they acknowledged from (null for committee leaders and until acknowledged).
   */
  divisionId: string | null;
  sentAt: Date;
  dueAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByStaffId: string | null;
  comment: string | null;
  onTime: boolean | null;
  reminderCount: number;
  lastRemindedAt: Date | null;
  /** When the overdue event went out; set once so it is announced once. */
  overdueAnnouncedAt: Date | null;
  /** A division request: whether each member must read it, not just one for the division. */
  everyoneMustRead: boolean;
  /** The members who must read it; empty unless `everyoneMustRead`. */
  requiredReaderIds: string[];
  /** Who has read it, in the order they did. */
  receipts: ReadingReceiptRecord[];
}

const receiptSchema = new Schema<ReadingReceiptRecord>(
  {
    staffId: { type: String, required: true },
    readAt: { type: Date, required: true },
    comment: { type: String, default: null },
    onTime: { type: Boolean, required: true },
  },
  { _id: false },
);

const readingRequestSchema = new Schema<ReadingRequestRecord>(
  {
    _id: { type: String, required: true },
    distributionId: { type: String, required: true },
    position: { type: Number, default: 0 },
    documentId: { type: String, required: true },
    documentTitle: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    recipientStaffId: { type: String, default: null },
    recipientDivisionId: { type: String, default: null },
    divisionId: { type: String, default: null },
    sentAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    acknowledgedAt: { type: Date, default: null },
    acknowledgedByStaffId: { type: String, default: null },
    comment: { type: String, default: null },
    onTime: { type: Boolean, default: null },
    reminderCount: { type: Number, default: 0 },
    lastRemindedAt: { type: Date, default: null },
    overdueAnnouncedAt: { type: Date, default: null },
    everyoneMustRead: { type: Boolean, default: false },
    requiredReaderIds: { type: [String], default: [] },
    receipts: { type: [receiptSchema], default: [] },
  },
  { collection: 'reading_requests', versionKey: false },
);
readingRequestSchema.index({ distributionId: 1, position: 1, _id: 1 });
readingRequestSchema.index({ recipientStaffId: 1, sentAt: -1 });
readingRequestSchema.index({ recipientDivisionId: 1, sentAt: -1 });
readingRequestSchema.index({ divisionId: 1 });
// The reading inbox (addressed to a person or their division), newest first.
readingRequestSchema.index({ sentAt: -1, _id: -1 });
readingRequestSchema.index({ acknowledgedAt: 1, overdueAnnouncedAt: 1, dueAt: 1 });

export type ReadingRequestModel = Model<ReadingRequestRecord>;

export function readingRequestModel(conn: Connection): ReadingRequestModel {
  return (
    (conn.models['ReadingRequest'] as ReadingRequestModel | undefined) ??
    conn.model('ReadingRequest', readingRequestSchema)
  );
}
