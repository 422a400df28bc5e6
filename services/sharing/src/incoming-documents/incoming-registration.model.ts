import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

export const OFFICIAL_DOCUMENT_KINDS = [
  'REQUEST',
  'REPORT',
  'NOTICE',
  'CIRCULAR',
  'OPINION',
  'REPLY',
  'DECISION',
  'LETTER',
] as const;
export type OfficialDocumentKind = (typeof OFFICIAL_DOCUMENT_KINDS)[number];
export type IncomingStatus = 'AWAITING_SIGNATURE' | 'SIGNED_FOR';

/**
 * 收文登记: a 公文 another office sent through liaison, registered here as a document of the
 * secretariat. `_id` is the exchange id the sending office gave it (the same in both offices), so
 * however often liaison's event arrives the document is registered once.
 */
export interface IncomingRegistrationRecord {
  _id: string;
  /** The sharing document it was registered as (`Document`, kind INTER_OFFICE). */
  documentId: string;
  officeId: string;
  fromOfficeId: string;
  fromOfficeName: string;
  officialKind: OfficialDocumentKind;
  role: 'MAIN' | 'CC';
  urgency: 'NORMAL' | 'URGENT' | 'EXTRA_URGENT';
  /** Copied from the document, so lists filter by clearance without reading the documents. */
  classification: Classification;
  secretariatDivisionId: string;
  status: IncomingStatus;
  receivedAt: Date;
  signedForAt: Date | null;
  signedForByStaffId: string | null;
}

const incomingRegistrationSchema = new Schema<IncomingRegistrationRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: String, required: true, unique: true },
    officeId: { type: String, required: true },
    fromOfficeId: { type: String, required: true },
    fromOfficeName: { type: String, required: true },
    officialKind: { type: String, enum: OFFICIAL_DOCUMENT_KINDS, required: true },
    role: { type: String, enum: ['MAIN', 'CC'], required: true },
    urgency: { type: String, enum: ['NORMAL', 'URGENT', 'EXTRA_URGENT'], required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    secretariatDivisionId: { type: String, required: true },
    status: { type: String, enum: ['AWAITING_SIGNATURE', 'SIGNED_FOR'], required: true },
    receivedAt: { type: Date, required: true },
    signedForAt: { type: Date, default: null },
    signedForByStaffId: { type: String, default: null },
  },
  { collection: 'incoming_registrations', versionKey: false },
);
incomingRegistrationSchema.index({ status: 1, receivedAt: -1 });
incomingRegistrationSchema.index({ receivedAt: -1, _id: -1 });

export type IncomingRegistrationModel = Model<IncomingRegistrationRecord>;

export function incomingRegistrationModel(conn: Connection): IncomingRegistrationModel {
  return (
    (conn.models['IncomingRegistration'] as IncomingRegistrationModel | undefined) ??
    conn.model('IncomingRegistration', incomingRegistrationSchema)
  );
}
