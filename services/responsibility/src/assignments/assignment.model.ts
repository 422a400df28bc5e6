import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { assignmentEvents } from '@heli/event-contracts';
import { Schema, type Connection, type Model } from 'mongoose';
import {
  ASSIGNMENT_ACTIONS,
  ASSIGNMENT_STATUSES,
  type AssignmentAction,
  type AssignmentStatus,
} from './assignment-lifecycle.rules.js';
import { ASSIGNMENT_PRIORITIES, type AssignmentPriority } from './assignment-fields.rules.js';
import {
  REPORT_FREQUENCIES,
  type ReportFrequency,
} from '../progress-reports/report-schedule.rules.js';

export type AssignmentSource = (typeof assignmentEvents.ASSIGNMENT_SOURCES)[number];
export type EscalationLevel = (typeof assignmentEvents.ESCALATION_LEVELS)[number];

/** One step of the lifecycle: who did what, when, from which status to which. */
export interface AssignmentTransition {
  action: AssignmentAction | 'ASSIGN';
  from: AssignmentStatus | null;
  to: AssignmentStatus;
  byStaffId: string;
  at: Date;
  note: string | null;
}

export interface AssignmentResult {
  text: string;
  submittedAt: Date;
  submittedByStaffId: string;
}

export interface AssignmentRecord {
  _id: string;
  /** Set on a sub-matter split off for a co-organiser. */
  parentId: string | null;
  title: string;
  requirements: string;
  source: AssignmentSource;
  /** The instruction or decision the matter came from; null for leadership's own matters. */
  sourceRef: string | null;
  classification: Classification;
  leadDivisionId: string;
  coDivisionIds: string[];
  responsibleStaffIds: string[];
  assignedByStaffId: string;
  deadline: Date;
  priority: AssignmentPriority;
  /** NORMAL 0, HIGH 1, URGENT 2: lets lists sort by priority. */
  priorityRank: number;
  status: AssignmentStatus;
  /** Bumped by every lifecycle transition; a transition only applies to the version it read. */
  version: number;
  history: AssignmentTransition[];
  reportFrequency: ReportFrequency;
  /** When the next scheduled progress report is due; null for ad hoc reporting or a closed matter. */
  nextReportDueAt: Date | null;
  /** The percent of the latest progress report (100 once a result is accepted). */
  reportedPercent: number;
  latestProgressReportId: string | null;
  result: AssignmentResult | null;
  completedAt: Date | null;
  completedOnTime: boolean | null;
  /** When supervision found the deadline passed with work still owed. */
  overdueSince: Date | null;
  escalationLevel: EscalationLevel | null;
  escalatedAt: Date | null;
  /** The deadline the automatic reminder went out for (a new deadline gets a new reminder). */
  deadlineReminderFor: Date | null;
  /** The report due date the automatic report reminder went out for. */
  reportReminderFor: Date | null;
  /** The report due date announced a day ahead (assignment.report-due-soon); absent on older records. */
  reportDueSoonFor?: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The words of its title and requirements, each once: what `searchAssignments` matches. */
  searchTerms?: string[];
}

const transitionSchema = new Schema<AssignmentTransition>(
  {
    action: { type: String, enum: ['ASSIGN', ...ASSIGNMENT_ACTIONS], required: true },
    from: { type: String, enum: ASSIGNMENT_STATUSES, default: null },
    to: { type: String, enum: ASSIGNMENT_STATUSES, required: true },
    byStaffId: { type: String, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
  },
  { _id: false },
);

const resultSchema = new Schema<AssignmentResult>(
  {
    text: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    submittedByStaffId: { type: String, required: true },
  },
  { _id: false },
);

const assignmentSchema = new Schema<AssignmentRecord>(
  {
    _id: { type: String, required: true },
    parentId: { type: String, default: null },
    title: { type: String, required: true },
    requirements: { type: String, default: '' },
    source: { type: String, enum: assignmentEvents.ASSIGNMENT_SOURCES, required: true },
    sourceRef: { type: String, default: null },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    leadDivisionId: { type: String, required: true },
    coDivisionIds: { type: [String], default: [] },
    responsibleStaffIds: { type: [String], default: [] },
    assignedByStaffId: { type: String, required: true },
    deadline: { type: Date, required: true },
    priority: { type: String, enum: ASSIGNMENT_PRIORITIES, required: true },
    priorityRank: { type: Number, required: true },
    status: { type: String, enum: ASSIGNMENT_STATUSES, required: true },
    version: { type: Number, required: true },
    history: { type: [transitionSchema], default: [] },
    reportFrequency: { type: String, enum: REPORT_FREQUENCIES, required: true },
    nextReportDueAt: { type: Date, default: null },
    reportedPercent: { type: Number, required: true, default: 0 },
    latestProgressReportId: { type: String, default: null },
    result: { type: resultSchema, default: null },
    completedAt: { type: Date, default: null },
    completedOnTime: { type: Boolean, default: null },
    overdueSince: { type: Date, default: null },
    escalationLevel: { type: String, enum: assignmentEvents.ESCALATION_LEVELS, default: null },
    escalatedAt: { type: Date, default: null },
    deadlineReminderFor: { type: Date, default: null },
    reportReminderFor: { type: Date, default: null },
    reportDueSoonFor: { type: Date, default: null },
    // Set from the service's clock rather than mongoose timestamps, so tests that move the clock
    // see creation times on the same time line as deadlines.
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    searchTerms: { type: [String], default: undefined },
  },
  { collection: 'assignments', versionKey: false },
);
// The second guard (after the consumer's processed-event record) against an instruction or a
// meeting decision turning into two matters.
assignmentSchema.index(
  { source: 1, sourceRef: 1 },
  { unique: true, partialFilterExpression: { sourceRef: { $type: 'string' } } },
);
assignmentSchema.index({ leadDivisionId: 1, status: 1, deadline: 1 });
assignmentSchema.index({ coDivisionIds: 1 });
assignmentSchema.index({ responsibleStaffIds: 1 });
assignmentSchema.index({ status: 1, deadline: 1 });
assignmentSchema.index({ status: 1, nextReportDueAt: 1 });
assignmentSchema.index({ parentId: 1 });
assignmentSchema.index({ createdAt: 1 });
assignmentSchema.index({ searchTerms: 1 });

export type AssignmentModel = Model<AssignmentRecord>;

export function assignmentModel(conn: Connection): AssignmentModel {
  return (
    (conn.models['Assignment'] as AssignmentModel | undefined) ??
    conn.model('Assignment', assignmentSchema)
  );
}
