import { Schema, type Connection, type Model } from 'mongoose';
import { OFFICE_KINDS, type OfficeFields } from './offices.rules.js';

export interface OfficeRecord extends OfficeFields {
  _id: string;
  /** Creation order, for listing (see `nextSequence`). */
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

const officeSchema = new Schema<OfficeRecord>(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true },
    name: { type: String, required: true },
    shortName: { type: String, required: true },
    kind: { type: String, enum: OFFICE_KINDS, required: true },
    parentId: { type: String, default: null },
  },
  { collection: 'offices', timestamps: true, versionKey: false },
);
// The name check in the write path reads inside the transaction; the index is what stops two
// concurrent writers that both saw the name free.
officeSchema.index({ name: 1 }, { unique: true });
// One own office (本级办公厅), likewise held by the index when two writers both saw none.
officeSchema.index(
  { kind: 1 },
  { unique: true, partialFilterExpression: { kind: 'OWN' }, name: 'one_own_office' },
);
officeSchema.index({ kind: 1, sequence: 1 });
officeSchema.index({ sequence: 1 });

export type OfficeModel = Model<OfficeRecord>;

/** The Office model on the service's connection (compiled once per connection). */
export function officeModel(conn: Connection): OfficeModel {
  return (conn.models['Office'] as OfficeModel | undefined) ?? conn.model('Office', officeSchema);
}
