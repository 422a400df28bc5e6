import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Incoming documents by the level that issued them, then the office's own kinds, then 公文 a linked
 * office sent through liaison (registered by `incoming-documents/`).
 */
export const DOCUMENT_KINDS = [
  'CENTRAL',
  'PROVINCIAL',
  'MUNICIPAL',
  'DIVISION_PUBLICATION',
  'INFORMATION_BULLETIN',
  'INFORMATION_DIGEST',
  'FEATURED_ISSUE',
  'MEETING_MINUTES',
  'INTER_OFFICE',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentRecord {
  _id: string;
  kind: DocumentKind;
  title: string;
  /** 文号, e.g. 黑办发〔2026〕12号; incoming documents only. */
  documentNumber: string | null;
  /**
   * The 文号 as this office holds it once (`documentNumberKey`): set on the one registration of an
   * incoming document, which a unique index keeps single however many register it at once; null on
   * other documents and on a registrar's own copy of a number held by a document above their
   * clearance (see registerDocument).
   */
  heldNumber?: string | null;
  /** 发文机关; incoming documents only. */
  issuer: string | null;
  /** 成文日期, YYYY-MM-DD; incoming documents only. */
  issuedOn: string | null;
  body: string;
  classification: Classification;
  officeId: string;
  registeringDivisionId: string;
  registeredByStaffId: string;
  registeredAt: Date;
  /** Need-to-know: people the document was sent or circulated to (and its registrar). */
  readerStaffIds: string[];
  /** Need-to-know: divisions the document was sent to or named in an instruction. */
  readerDivisionIds: string[];
  /** The words of its title, 文号 and issuer, each once: what `searchDocuments` matches. */
  searchTerms?: string[];
}

const documentSchema = new Schema<DocumentRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: DOCUMENT_KINDS, required: true },
    title: { type: String, required: true },
    documentNumber: { type: String, default: null },
    heldNumber: { type: String, default: null },
    issuer: { type: String, default: null },
    issuedOn: { type: String, default: null },
    body: { type: String, default: '' },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    officeId: { type: String, required: true },
    registeringDivisionId: { type: String, required: true },
    registeredByStaffId: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    readerStaffIds: { type: [String], default: [] },
    readerDivisionIds: { type: [String], default: [] },
    searchTerms: { type: [String], default: undefined },
  },
  { collection: 'documents', versionKey: false },
);
documentSchema.index({ readerStaffIds: 1 });
documentSchema.index({ readerDivisionIds: 1 });
documentSchema.index({ registeringDivisionId: 1, registeredAt: -1 });
// Ties broken by _id, as pages are ordered: the newest documents page by walking this index.
documentSchema.index({ registeredAt: -1, _id: -1 });
documentSchema.index({ searchTerms: 1 });
// Finds an incoming document already registered under the same 文号.
documentSchema.index({ officeId: 1, documentNumber: 1 });
// One registration per 文号 and office, even when two people register the same 来文 at once.
documentSchema.index(
  { officeId: 1, heldNumber: 1 },
  { unique: true, partialFilterExpression: { heldNumber: { $type: 'string' } } },
);

export type DocumentModel = Model<DocumentRecord>;

export function documentModel(conn: Connection): DocumentModel {
  return (
    (conn.models['Document'] as DocumentModel | undefined) ?? conn.model('Document', documentSchema)
  );
}
