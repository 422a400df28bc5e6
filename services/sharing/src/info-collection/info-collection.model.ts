import { Schema, type Connection, type Model } from 'mongoose';

export type InfoSubmissionStatus = 'SUBMITTED' | 'ADOPTED' | 'RETURNED';

/** An information item (信息) submitted to the secretariat by a division or an outside body. */
export interface InfoSubmissionRecord {
  _id: string;
  title: string;
  content: string;
  submitterOfficeId: string;
  /** Null when an outside body (市直部门, 人大, 政协, 人民团体) submitted it. */
  submitterDivisionId: string | null;
  submittedByStaffId: string;
  submittedAt: Date;
  status: InfoSubmissionStatus;
  decidedByStaffId: string | null;
  decidedAt: Date | null;
  returnReason: string | null;
  /** Digests that carry this item — by reference, never by copy. */
  digestIds: string[];
  /**
   * The title while the item is pending or adopted, null once returned: a unique index over it
   * keeps one open item per title and submitter, however many submit it at once.
   */
  openTitle?: string | null;
}

const infoSubmissionSchema = new Schema<InfoSubmissionRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    content: { type: String, required: true },
    submitterOfficeId: { type: String, required: true },
    submitterDivisionId: { type: String, default: null },
    submittedByStaffId: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    status: { type: String, enum: ['SUBMITTED', 'ADOPTED', 'RETURNED'], required: true },
    decidedByStaffId: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    returnReason: { type: String, default: null },
    digestIds: { type: [String], default: [] },
    openTitle: { type: String, default: null },
  },
  { collection: 'info_submissions', versionKey: false },
);
infoSubmissionSchema.index({ status: 1, submittedAt: -1 });
infoSubmissionSchema.index({ submittedAt: -1, _id: -1 });
infoSubmissionSchema.index({ submittedByStaffId: 1, submittedAt: -1 });
infoSubmissionSchema.index({ submitterOfficeId: 1, title: 1 });
infoSubmissionSchema.index(
  { submitterOfficeId: 1, submitterDivisionId: 1, openTitle: 1 },
  { unique: true, partialFilterExpression: { openTitle: { $type: 'string' } } },
);

export type InfoSubmissionModel = Model<InfoSubmissionRecord>;

export function infoSubmissionModel(conn: Connection): InfoSubmissionModel {
  return (
    (conn.models['InfoSubmission'] as InfoSubmissionModel | undefined) ??
    conn.model('InfoSubmission', infoSubmissionSchema)
  );
}

/** How a digest goes out: 定期分送 to recipients, or round a 传阅 route. */
export interface DigestDelivery {
  staffIds: string[];
  divisionIds: string[];
  readingHours: number;
  circulationRoute: string[];
}

/** A compiled 信息汇编: adopted items referenced by id, registered as a document and sent out. */
export interface InfoDigestRecord {
  _id: string;
  title: string;
  submissionIds: string[];
  documentId: string;
  distributionId: string | null;
  circulationId: string | null;
  scheduleId: string | null;
  compiledByStaffId: string;
  compiledAt: Date;
}

const infoDigestSchema = new Schema<InfoDigestRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    submissionIds: { type: [String], required: true },
    documentId: { type: String, required: true },
    distributionId: { type: String, default: null },
    circulationId: { type: String, default: null },
    scheduleId: { type: String, default: null },
    compiledByStaffId: { type: String, required: true },
    compiledAt: { type: Date, required: true },
  },
  { collection: 'info_digests', versionKey: false },
);
infoDigestSchema.index({ compiledAt: -1 });

export type InfoDigestModel = Model<InfoDigestRecord>;

export function infoDigestModel(conn: Connection): InfoDigestModel {
  return (
    (conn.models['InfoDigest'] as InfoDigestModel | undefined) ??
    conn.model('InfoDigest', infoDigestSchema)
  );
}

/** 定期分送: every `everyDays` the adopted items not yet sent go out as a digest. */
export interface DigestScheduleRecord {
  _id: string;
  title: string;
  everyDays: number;
  nextRunAt: Date;
  recipientStaffIds: string[];
  recipientDivisionIds: string[];
  readingHours: number;
  ownerStaffId: string;
  ownerDivisionId: string;
  ownerOfficeId: string;
  active: boolean;
}

const digestScheduleSchema = new Schema<DigestScheduleRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    everyDays: { type: Number, required: true },
    nextRunAt: { type: Date, required: true },
    recipientStaffIds: { type: [String], default: [] },
    recipientDivisionIds: { type: [String], default: [] },
    readingHours: { type: Number, required: true },
    ownerStaffId: { type: String, required: true },
    ownerDivisionId: { type: String, required: true },
    ownerOfficeId: { type: String, required: true },
    active: { type: Boolean, default: true },
  },
  { collection: 'digest_schedules', versionKey: false },
);
digestScheduleSchema.index({ active: 1, nextRunAt: 1 });

export type DigestScheduleModel = Model<DigestScheduleRecord>;

export function digestScheduleModel(conn: Connection): DigestScheduleModel {
  return (
    (conn.models['DigestSchedule'] as DigestScheduleModel | undefined) ??
    conn.model('DigestSchedule', digestScheduleSchema)
  );
}
