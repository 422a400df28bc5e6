import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

export const REPORT_FREQUENCIES = ['AD_HOC', 'WEEKLY', 'BIWEEKLY', 'MONTHLY'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

export type OfficeAssignmentSide = 'ASSIGNED_DOWN' | 'RECEIVED_FROM_HIGHER';
export type OfficeAssignmentStatus = 'ASSIGNED' | 'ACCEPTED' | 'COMPLETED';
export type MatterUpdateType = 'ACCEPTED' | 'PROGRESS' | 'COMPLETED' | 'ESCALATED';

/** What the lower office published about the matter to the office that assigned it. */
export interface MatterUpdate {
  /** The id of what caused it in the lower office (its event id), so one cannot be recorded twice. */
  updateId: string;
  type: MatterUpdateType;
  at: Date;
  percent: number | null;
  onSchedule: boolean | null;
  onTime: boolean | null;
  level: 'BLUE' | 'ORANGE' | 'RED' | null;
}

/**
 * A matter assigned across offices (交办事项). The higher office keeps one per matter it assigned
 * down (ASSIGNED_DOWN, `officeId` the lower office), with the updates the lower office sent up;
 * the lower office keeps one per matter it received (RECEIVED_FROM_HIGHER, `officeId` the higher
 * office), linked to its own assigned matter in responsibility once accepted. Both use the id the
 * higher office gave it.
 */
export interface OfficeAssignmentRecord {
  _id: string;
  side: OfficeAssignmentSide;
  officeId: string;
  officeName: string;
  title: string;
  requirements: string;
  classification: Classification;
  deadline: Date;
  reportFrequency: ReportFrequency;
  status: OfficeAssignmentStatus;
  assignedByStaffId: string | null;
  assignedAt: Date;
  /** Lower office: the assigned matter in responsibility, once it exists. */
  localAssignmentId: string | null;
  acceptedByStaffId: string | null;
  updates: MatterUpdate[];
  createdAt: Date;
  updatedAt: Date;
}

const updateSchema = new Schema<MatterUpdate>(
  {
    updateId: { type: String, required: true },
    type: {
      type: String,
      enum: ['ACCEPTED', 'PROGRESS', 'COMPLETED', 'ESCALATED'],
      required: true,
    },
    at: { type: Date, required: true },
    percent: { type: Number, default: null },
    onSchedule: { type: Boolean, default: null },
    onTime: { type: Boolean, default: null },
    level: { type: String, default: null },
  },
  { _id: false },
);

const schema = new Schema<OfficeAssignmentRecord>(
  {
    _id: { type: String, required: true },
    side: { type: String, enum: ['ASSIGNED_DOWN', 'RECEIVED_FROM_HIGHER'], required: true },
    officeId: { type: String, required: true },
    officeName: { type: String, required: true },
    title: { type: String, required: true },
    requirements: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    deadline: { type: Date, required: true },
    reportFrequency: { type: String, enum: REPORT_FREQUENCIES, required: true },
    status: { type: String, enum: ['ASSIGNED', 'ACCEPTED', 'COMPLETED'], required: true },
    assignedByStaffId: { type: String, default: null },
    assignedAt: { type: Date, required: true },
    localAssignmentId: { type: String, default: null },
    acceptedByStaffId: { type: String, default: null },
    updates: { type: [updateSchema], default: [] },
  },
  { collection: 'office_assignments', timestamps: true, versionKey: false },
);
schema.index({ side: 1, officeId: 1, assignedAt: -1 });
schema.index(
  { localAssignmentId: 1 },
  { unique: true, partialFilterExpression: { localAssignmentId: { $type: 'string' } } },
);

export type OfficeAssignmentModel = Model<OfficeAssignmentRecord>;

export function officeAssignmentModel(conn: Connection): OfficeAssignmentModel {
  return (
    (conn.models['OfficeAssignment'] as OfficeAssignmentModel | undefined) ??
    conn.model('OfficeAssignment', schema)
  );
}
