import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Documents as sharing announced their registration: enough for a 通报 item to link only
 * documents that exist and that the person adding the item may read, without reading sharing's
 * database.
 */
export interface KnownDocumentRecord {
  /** The document id in sharing. */
  _id: string;
  title: string;
  classification: Classification;
  registeringDivisionId: string;
  registeredAt: Date;
}

const knownDocumentSchema = new Schema<KnownDocumentRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    registeringDivisionId: { type: String, required: true },
    registeredAt: { type: Date, required: true },
  },
  { collection: 'known_documents', versionKey: false },
);

export type KnownDocumentModel = Model<KnownDocumentRecord>;

export function knownDocumentModel(conn: Connection): KnownDocumentModel {
  return (
    (conn.models['KnownDocument'] as KnownDocumentModel | undefined) ??
    conn.model('KnownDocument', knownDocumentSchema)
  );
}
