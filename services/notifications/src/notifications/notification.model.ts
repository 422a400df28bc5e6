import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';
import { SUBJECT_KINDS, type SubjectKind } from '../subjects/subject.model.js';

export const NOTIFICATION_KINDS = [
  'MATTER_ASSIGNED',
  'MATTER_ESCALATED',
  'READING_REQUESTED',
  'CIRCULATION_REACHED',
  'REPORT_DUE',
  'DIFFICULTY_RESOLVED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * One thing one person is told. `_id` is derived from the event id and the recipient, so the same
 * event delivered again, or applied again after a rebuild, finds its notification and adds none.
 * The title is stored with the classification it carries and shown only to a reader whose
 * clearance covers it, judged when it is read.
 */
export interface NotificationRecord {
  _id: string;
  recipientStaffId: string;
  kind: NotificationKind;
  /** What the notification opens: a matter, a document, a circulation or a difficulty. */
  subjectKind: SubjectKind;
  subjectId: string;
  /** Null when the event's subject was never seen (its title is then unknown). */
  title: string | null;
  classification: Classification;
  /** Kind-specific: the escalation level, the due time of a report. */
  detail: string | null;
  eventId: string;
  occurredAt: Date;
  readAt: Date | null;
}

const notificationSchema = new Schema<NotificationRecord>(
  {
    _id: { type: String, required: true },
    recipientStaffId: { type: String, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    subjectKind: { type: String, enum: SUBJECT_KINDS, required: true },
    subjectId: { type: String, required: true },
    title: { type: String, default: null },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    detail: { type: String, default: null },
    eventId: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);
// A person's list, newest first, and their unread count.
notificationSchema.index({ recipientStaffId: 1, occurredAt: -1, _id: -1 });
notificationSchema.index({ recipientStaffId: 1, readAt: 1 });
notificationSchema.index({ eventId: 1, recipientStaffId: 1 }, { unique: true });

export type NotificationModel = Model<NotificationRecord>;

export function notificationModel(conn: Connection): NotificationModel {
  return (
    (conn.models['Notification'] as NotificationModel | undefined) ??
    conn.model('Notification', notificationSchema)
  );
}
