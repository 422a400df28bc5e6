import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';
import type { CirculationState } from './circulation.rules.js';

export interface CirculationRecord extends CirculationState {
  _id: string;
  documentId: string;
  classification: Classification;
  startedByStaffId: string;
  startedAt: Date;
  /** The current holder, kept beside the hops so "what am I holding" is one indexed query. */
  holderStaffId: string | null;
}

const hopSchema = new Schema(
  {
    position: { type: Number, required: true },
    staffId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    action: {
      type: String,
      enum: ['HOLDING', 'ACKNOWLEDGED', 'RETURNED', 'SKIPPED'],
      required: true,
    },
    actedAt: { type: Date, default: null },
    comment: { type: String, default: null },
    reason: { type: String, default: null },
  },
  { _id: false },
);

const circulationSchema = new Schema<CirculationRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    startedByStaffId: { type: String, required: true },
    startedAt: { type: Date, required: true },
    route: { type: [String], required: true },
    hopTimeLimitHours: { type: Number, required: true },
    position: { type: Number, required: true },
    hops: { type: [hopSchema], required: true },
    status: { type: String, enum: ['IN_PROGRESS', 'COMPLETED'], required: true },
    completedAt: { type: Date, default: null },
    holderStaffId: { type: String, default: null },
  },
  { collection: 'circulations', versionKey: false },
);
circulationSchema.index({ documentId: 1, startedAt: 1 });
circulationSchema.index({ holderStaffId: 1 });
circulationSchema.index({ route: 1, startedAt: -1 });

export type CirculationModel = Model<CirculationRecord>;

export function circulationModel(conn: Connection): CirculationModel {
  return (
    (conn.models['Circulation'] as CirculationModel | undefined) ??
    conn.model('Circulation', circulationSchema)
  );
}
