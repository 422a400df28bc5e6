import { Schema, type Connection, type Model } from 'mongoose';
import { DUTY_ROLES, type DutyRole } from './duties.rules.js';

/** 职责: what a division answers for in resource integration, and how it is measured. */
export interface DutyRecord {
  _id: string;
  divisionId: string;
  role: DutyRole;
  description: string;
  standard: string;
  createdAt: Date;
  updatedAt: Date;
}

const dutySchema = new Schema<DutyRecord>(
  {
    _id: { type: String, required: true },
    divisionId: { type: String, required: true },
    role: { type: String, enum: DUTY_ROLES, required: true },
    description: { type: String, required: true },
    standard: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'duties', versionKey: false },
);
dutySchema.index({ divisionId: 1, createdAt: 1 });
dutySchema.index({ createdAt: 1 });

export type DutyModel = Model<DutyRecord>;

export function dutyModel(conn: Connection): DutyModel {
  return (conn.models['Duty'] as DutyModel | undefined) ?? conn.model('Duty', dutySchema);
}
