import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';
import { URGENCIES, type Urgency } from './gbt9704.rules.js';
import { DOCUMENT_KINDS, type Direction, type DocumentKind } from './xingwen.rules.js';

export type DocumentBox = 'OUTGOING' | 'INCOMING';
export type RecipientRole = 'MAIN' | 'CC';

/** An office a document is addressed to, as named on the document (主送 / 抄送). */
export interface AddressedOffice {
  officeId: string;
  name: string;
  role: RecipientRole;
}

/** What the receiving office told the sender: signed for (签收), by whom on their side is theirs. */
export interface OutgoingDelivery extends AddressedOffice {
  /** The transport message carrying the document to this office (its status is the delivery's). */
  messageId: string;
  signedForAt: Date | null;
}

/**
 * A 公文 as this office holds it: one it sent (OUTGOING, 发文) or one it received (INCOMING, 收文).
 * `_id` is the exchange id the sender gave it, so the same document has the same id in both
 * offices and a second delivery of it cannot register a second 收文.
 */
export interface OfficialDocumentRecord {
  _id: string;
  box: DocumentBox;
  kind: DocumentKind;
  direction: Direction;
  copyNumber: string | null;
  classification: Classification;
  secrecyPeriodYears: number | null;
  urgency: Urgency;
  issuingOfficeId: string;
  issuingOfficeName: string;
  documentNumber: string;
  signer: string | null;
  title: string;
  body: string;
  recipients: AddressedOffice[];
  writtenOn: string;
  attachments: string[];
  inReplyToId: string | null;
  /** OUTGOING: one per addressed office. */
  deliveries: OutgoingDelivery[];
  sentByStaffId: string | null;
  sentAt: Date;
  /** INCOMING: when it was registered here, and who signed for it. */
  receivedAt: Date | null;
  signedForAt: Date | null;
  signedForByStaffId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const addressed = {
  officeId: { type: String, required: true },
  name: { type: String, required: true },
  role: { type: String, enum: ['MAIN', 'CC'], required: true },
};

const documentSchema = new Schema<OfficialDocumentRecord>(
  {
    _id: { type: String, required: true },
    box: { type: String, enum: ['OUTGOING', 'INCOMING'], required: true },
    kind: { type: String, enum: DOCUMENT_KINDS, required: true },
    direction: { type: String, enum: ['UPWARD', 'DOWNWARD', 'HORIZONTAL'], required: true },
    copyNumber: { type: String, default: null },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    secrecyPeriodYears: { type: Number, default: null },
    urgency: { type: String, enum: URGENCIES, required: true },
    issuingOfficeId: { type: String, required: true },
    issuingOfficeName: { type: String, required: true },
    documentNumber: { type: String, required: true },
    signer: { type: String, default: null },
    title: { type: String, required: true },
    body: { type: String, required: true },
    recipients: { type: [new Schema(addressed, { _id: false })], default: [] },
    writtenOn: { type: String, required: true },
    attachments: { type: [String], default: [] },
    inReplyToId: { type: String, default: null },
    deliveries: {
      type: [
        new Schema(
          {
            ...addressed,
            messageId: { type: String, required: true },
            signedForAt: { type: Date, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    sentByStaffId: { type: String, default: null },
    sentAt: { type: Date, required: true },
    receivedAt: { type: Date, default: null },
    signedForAt: { type: Date, default: null },
    signedForByStaffId: { type: String, default: null },
  },
  { collection: 'official_documents', timestamps: true, versionKey: false },
);
// One 发文字号 per issuing office: two secretaries cannot both use 〔2026〕12号.
documentSchema.index(
  { issuingOfficeId: 1, documentNumber: 1 },
  { unique: true, name: 'one_document_number' },
);
documentSchema.index({ box: 1, sentAt: -1, _id: -1 });
documentSchema.index({ 'deliveries.officeId': 1, sentAt: -1 });
documentSchema.index({ inReplyToId: 1 });

export type OfficialDocumentModel = Model<OfficialDocumentRecord>;

export function officialDocumentModel(conn: Connection): OfficialDocumentModel {
  return (
    (conn.models['OfficialDocument'] as OfficialDocumentModel | undefined) ??
    conn.model('OfficialDocument', documentSchema)
  );
}
