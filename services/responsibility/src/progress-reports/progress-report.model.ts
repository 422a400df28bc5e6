import { Schema, type Connection, type Model } from 'mongoose';

/** 进展汇报: what a division reported on a matter, and whether it came when the schedule asked. */
export interface ProgressReportRecord {
  _id: string;
  assignmentId: string;
  text: string;
  percent: number;
  reportedByStaffId: string;
  reportedAt: Date;
  /** The due date the schedule had set when the report came; null for ad hoc reporting. */
  dueAt: Date | null;
  onSchedule: boolean;
}

const progressReportSchema = new Schema<ProgressReportRecord>(
  {
    _id: { type: String, required: true },
    assignmentId: { type: String, required: true },
    text: { type: String, required: true },
    percent: { type: Number, required: true, min: 0, max: 100 },
    reportedByStaffId: { type: String, required: true },
    reportedAt: { type: Date, required: true },
    dueAt: { type: Date, default: null },
    onSchedule: { type: Boolean, required: true },
  },
  { collection: 'progress_reports', versionKey: false },
);
progressReportSchema.index({ assignmentId: 1, reportedAt: -1 });

export type ProgressReportModel = Model<ProgressReportRecord>;

export function progressReportModel(conn: Connection): ProgressReportModel {
  return (
    (conn.models['ProgressReport'] as ProgressReportModel | undefined) ??
    conn.model('ProgressReport', progressReportSchema)
  );
}
