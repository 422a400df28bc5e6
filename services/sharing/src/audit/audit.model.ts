import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

/** One view of a CONFIDENTIAL+ document: who, which document, when, through which field. */
export interface DocumentViewRecord {
  _id: string;
  documentId: string;
  classification: Classification;
  staffId: string;
  divisionId: string | null;
  /** The GraphQL path the document was read through, e.g. `document`, `_entities`, `documents`. */
  via: string;
  requestId: string;
  viewedAt: Date;
}

const documentViewSchema = new Schema<DocumentViewRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    staffId: { type: String, required: true },
    divisionId: { type: String, default: null },
    via: { type: String, required: true },
    requestId: { type: String, required: true },
    viewedAt: { type: Date, required: true },
  },
  { collection: 'document_views', versionKey: false },
);
documentViewSchema.index({ documentId: 1, viewedAt: -1 });
documentViewSchema.index({ staffId: 1, viewedAt: -1 });
documentViewSchema.index({ viewedAt: -1, _id: -1 });

export type DocumentViewModel = Model<DocumentViewRecord>;

export function documentViewModel(conn: Connection): DocumentViewModel {
  return (
    (conn.models['DocumentView'] as DocumentViewModel | undefined) ??
    conn.model('DocumentView', documentViewSchema)
  );
}
