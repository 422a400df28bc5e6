import { rejectProblems } from '@heli/subgraph-runtime';
import { assignmentEvents } from '@heli/event-contracts';
import { actorData, assignmentRef } from '../assignments/assignments.events.js';
import { transitionAssignment, type Actor } from '../assignments/assignments.commands.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import type { MatterWrite } from '../assignments/matter-write.js';
import { normalizeText } from '../organisation/text-field.rules.js';
import { newRecordId } from '../records/record-id.js';
import type { ProgressReportRecord } from './progress-report.model.js';
import { progressReportProblems } from './progress-report.rules.js';
import { isOnSchedule, nextReportDue } from './report-schedule.rules.js';

export interface ProgressReportInput {
  assignmentId: string;
  text: string;
  percent: number;
  expectedVersion?: number | null;
}

/**
 * 汇报进展: records the report, moves the matter into (or keeps it in) IN_PROGRESS and sets the
 * next report's due date from the schedule.
 */
export async function reportProgress(
  write: MatterWrite,
  input: ProgressReportInput,
  actor: Actor,
): Promise<{ report: ProgressReportRecord; matter: AssignmentRecord }> {
  const text = normalizeText(input.text);
  rejectProblems(progressReportProblems(text, input.percent));
  const reportId = newRecordId('progress-report');
  let dueAt: Date | null = null;
  const { after } = await transitionAssignment(write, {
    id: input.assignmentId,
    action: 'REPORT_PROGRESS',
    actor,
    expectedVersion: input.expectedVersion,
    changes: (before) => {
      dueAt = before.nextReportDueAt;
      return {
        reportedPercent: input.percent,
        latestProgressReportId: reportId,
        nextReportDueAt: nextReportDue(before.reportFrequency, before.nextReportDueAt, actor.at),
      };
    },
  });
  const report: ProgressReportRecord = {
    _id: reportId,
    assignmentId: after._id,
    text,
    percent: input.percent,
    reportedByStaffId: actor.staffId,
    reportedAt: actor.at,
    dueAt,
    onSchedule: isOnSchedule(dueAt, actor.at),
  };
  await write.models.progressReports.create([report], { session: write.session });
  await write.emit(
    assignmentEvents.assignmentProgressReported,
    {
      ...assignmentRef(after),
      ...actorData(actor),
      progressReportId: reportId,
      percent: input.percent,
      onSchedule: report.onSchedule,
    },
    { subject: after._id },
  );
  return { report, matter: after };
}
