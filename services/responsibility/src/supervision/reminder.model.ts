import { Schema, type Connection, type Model } from 'mongoose';

/** 催办: automatic before a deadline or a scheduled report, on escalation, or by the assigner. */
export const REMINDER_KINDS = [
  'DEADLINE_APPROACHING',
  'REPORT_DUE',
  'ESCALATION',
  'MANUAL',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ReminderRecord {
  _id: string;
  assignmentId: string;
  /** The division reminded: the matter's lead division. */
  divisionId: string;
  kind: ReminderKind;
  message: string;
  /** Null for automatic reminders. */
  sentByStaffId: string | null;
  sentAt: Date;
  /**
   * What an automatic reminder is for (`deadline:<iso>`, `report:<iso>`, `escalation:RED`): unique
   * per matter, the database's guard against two replicas sending it twice. Null when manual.
   */
  key: string | null;
}

const reminderSchema = new Schema<ReminderRecord>(
  {
    _id: { type: String, required: true },
    assignmentId: { type: String, required: true },
    divisionId: { type: String, required: true },
    kind: { type: String, enum: REMINDER_KINDS, required: true },
    message: { type: String, required: true },
    sentByStaffId: { type: String, default: null },
    sentAt: { type: Date, required: true },
    key: { type: String, default: null },
  },
  { collection: 'reminders', versionKey: false },
);
reminderSchema.index({ assignmentId: 1, sentAt: 1 });
reminderSchema.index(
  { assignmentId: 1, key: 1 },
  { unique: true, partialFilterExpression: { key: { $type: 'string' } } },
);

export type ReminderModel = Model<ReminderRecord>;

export function reminderModel(conn: Connection): ReminderModel {
  return (
    (conn.models['Reminder'] as ReminderModel | undefined) ?? conn.model('Reminder', reminderSchema)
  );
}
