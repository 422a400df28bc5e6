import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { responsibilityEvents } from '@heli/event-contracts';
import { Schema, type Connection, type Model } from 'mongoose';

export type OfficeKind = (typeof responsibilityEvents.OFFICE_KINDS)[number];

/**
 * Offices as responsibility announced them (`organisation.office.created/updated`): enough to
 * accept only partner offices (常委所在部门办公室, kind PARTNER) at a 横向协调会 without reading
 * responsibility's database.
 */
export interface KnownOfficeRecord {
  _id: string;
  name: string;
  kind: OfficeKind;
}

const knownOfficeSchema = new Schema<KnownOfficeRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: responsibilityEvents.OFFICE_KINDS, required: true },
  },
  { collection: 'known_offices', versionKey: false },
);

/**
 * 统筹安排: one key work item of a month in the office's overall arrangement — the office's own or
 * a standing committee member's department's — that meetings and partner tasks link to.
 */
export interface KeyWorkItemRecord {
  _id: string;
  /** `YYYY-MM` */
  month: string;
  title: string;
  description: string;
  /** The partner office whose standing member's work it is; null for the office's own. */
  officeId: string | null;
  classification: Classification;
  addedByStaffId: string;
  addedAt: Date;
}

const keyWorkItemSchema = new Schema<KeyWorkItemRecord>(
  {
    _id: { type: String, required: true },
    month: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    officeId: { type: String, default: null },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    addedByStaffId: { type: String, required: true },
    addedAt: { type: Date, required: true },
  },
  { collection: 'key_work_items', versionKey: false },
);
keyWorkItemSchema.index({ month: 1, addedAt: 1 });

export const PARTNER_TASK_STATUSES = ['AGREED', 'IN_PROGRESS', 'COMPLETED'] as const;
export type PartnerTaskStatus = (typeof PARTNER_TASK_STATUSES)[number];

export interface PartnerTaskProgressRecord {
  staffId: string;
  note: string;
  at: Date;
}

/**
 * A task agreed with a partner office at a 横向协调会, tracked as a matter whose lead is the
 * partner's liaison (a person of that office), with the own divisions that support it.
 */
export interface PartnerTaskRecord {
  _id: string;
  meetingId: string;
  /** The meeting's organiser division, which follows the task up on the office's side. */
  organiserDivisionId: string;
  title: string;
  requirements: string;
  classification: Classification;
  partnerOfficeId: string;
  leadStaffId: string;
  coDivisionIds: string[];
  deadline: Date;
  keyWorkItemId: string | null;
  status: PartnerTaskStatus;
  progress: PartnerTaskProgressRecord[];
  agreedByStaffId: string;
  agreedAt: Date;
  completedAt: Date | null;
}

const partnerTaskSchema = new Schema<PartnerTaskRecord>(
  {
    _id: { type: String, required: true },
    meetingId: { type: String, required: true },
    organiserDivisionId: { type: String, required: true },
    title: { type: String, required: true },
    requirements: { type: String, default: '' },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    partnerOfficeId: { type: String, required: true },
    leadStaffId: { type: String, required: true },
    coDivisionIds: { type: [String], default: [] },
    deadline: { type: Date, required: true },
    keyWorkItemId: { type: String, default: null },
    status: { type: String, enum: PARTNER_TASK_STATUSES, required: true },
    progress: {
      type: [
        new Schema<PartnerTaskProgressRecord>(
          {
            staffId: { type: String, required: true },
            note: { type: String, required: true },
            at: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    agreedByStaffId: { type: String, required: true },
    agreedAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'partner_tasks', versionKey: false },
);
partnerTaskSchema.index({ partnerOfficeId: 1, deadline: 1 });
partnerTaskSchema.index({ meetingId: 1 });
partnerTaskSchema.index({ keyWorkItemId: 1 });

function modelOf<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

export function coordinationModels(conn: Connection) {
  return {
    knownOffices: modelOf(conn, 'KnownOffice', knownOfficeSchema),
    keyWorkItems: modelOf(conn, 'KeyWorkItem', keyWorkItemSchema),
    partnerTasks: modelOf(conn, 'PartnerTask', partnerTaskSchema),
  };
}
