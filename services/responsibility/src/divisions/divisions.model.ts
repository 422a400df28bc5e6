import { Schema, type Connection, type Model } from 'mongoose';
import { DIVISION_KINDS, type DivisionFields } from './divisions.rules.js';

export interface DivisionRecord extends DivisionFields {
  _id: string;
  /** Creation order, for listing (see `nextSequence`). */
  sequence: number;
  officeId: string;
  createdAt: Date;
  updatedAt: Date;
}

const divisionSchema = new Schema<DivisionRecord>(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true },
    officeId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: DIVISION_KINDS, required: true },
    headId: { type: String, default: null },
  },
  { collection: 'divisions', timestamps: true, versionKey: false },
);
// Division names are unique within an office (两个“综合一处” would be ambiguous everywhere).
divisionSchema.index({ officeId: 1, name: 1 }, { unique: true });
// One secretariat per office: the check in the write path reads; this holds two writers at once.
divisionSchema.index(
  { officeId: 1 },
  { unique: true, partialFilterExpression: { kind: 'SECRETARIAT' }, name: 'one_secretariat' },
);
divisionSchema.index({ officeId: 1, sequence: 1 });
divisionSchema.index({ headId: 1 });
divisionSchema.index({ sequence: 1 });

export type DivisionModel = Model<DivisionRecord>;

export function divisionModel(conn: Connection): DivisionModel {
  return (
    (conn.models['Division'] as DivisionModel | undefined) ?? conn.model('Division', divisionSchema)
  );
}
