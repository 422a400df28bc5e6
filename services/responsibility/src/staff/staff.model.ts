import { CLASSIFICATIONS, ROLES } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';
import type { StaffState } from './staff.rules.js';

export interface StaffRecord extends StaffState {
  _id: string;
  /** Creation order, for listing (see `nextSequence`). */
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

const staffSchema = new Schema<StaffRecord>(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true },
    name: { type: String, required: true },
    title: { type: String, required: true },
    officeId: { type: String, required: true },
    divisionId: { type: String, default: null },
    roles: { type: [{ type: String, enum: ROLES }], required: true },
    clearance: { type: String, enum: CLASSIFICATIONS, required: true },
    phone: { type: String, default: null },
    active: { type: Boolean, required: true, default: true },
  },
  { collection: 'staff', timestamps: true, versionKey: false },
);
staffSchema.index({ divisionId: 1, sequence: 1 });
staffSchema.index({ officeId: 1, sequence: 1 });
staffSchema.index({ roles: 1 });
staffSchema.index({ sequence: 1 });

export type StaffModel = Model<StaffRecord>;

export function staffModel(conn: Connection): StaffModel {
  return (conn.models['Staff'] as StaffModel | undefined) ?? conn.model('Staff', staffSchema);
}
