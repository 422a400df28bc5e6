import { Schema, type Connection, type Model } from 'mongoose';
import type { CoordinationBodyFields } from './coordination-body.rules.js';

export interface CoordinationBodyRecord extends CoordinationBodyFields {
  _id: string;
  /** The own office the body belongs to. */
  officeId: string;
  createdAt: Date;
  updatedAt: Date;
}

const coordinationBodySchema = new Schema<CoordinationBodyRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    name: { type: String, required: true },
    leadId: { type: String, required: true },
    memberIds: { type: [String], required: true },
    responsibilities: { type: String, required: true },
  },
  { collection: 'coordination_bodies', timestamps: true, versionKey: false },
);

export type CoordinationBodyModel = Model<CoordinationBodyRecord>;

export function coordinationBodyModel(conn: Connection): CoordinationBodyModel {
  return (
    (conn.models['CoordinationBody'] as CoordinationBodyModel | undefined) ??
    conn.model('CoordinationBody', coordinationBodySchema)
  );
}
