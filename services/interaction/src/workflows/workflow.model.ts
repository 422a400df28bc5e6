import { interactionEvents } from '@heli/event-contracts';
import { Schema, type Connection, type Model } from 'mongoose';
import type { TimeLimit } from '../calendar/working-calendar.js';

export const WORKFLOW_KINDS = interactionEvents.WORKFLOW_KINDS;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

/** One step of a template: who does it, what done means (定性), how much (定量), how long. */
export interface TemplateStep {
  key: string;
  name: string;
  /** The division that does it; null: the division the case belongs to. */
  responsibleDivisionId: string | null;
  /** The role within it, as the office describes it (e.g. 文电处经办人). */
  responsibleRole: string;
  /** 定性: what "done" means. */
  standard: string;
  /** 定量: scope, e.g. page or item limits. */
  quantity: string;
  timeLimit: TimeLimit;
  /** Steps that may follow; empty for a last step, more than one where the process branches. */
  next: string[];
}

/** One version of a workflow template; a change stores a new version, running cases keep theirs. */
export interface TemplateRecord {
  /** `<key>@v<version>` */
  _id: string;
  key: string;
  version: number;
  kind: WorkflowKind;
  name: string;
  steps: TemplateStep[];
  createdByStaffId: string;
  createdAt: Date;
}

const templateStepSchema = new Schema<TemplateStep>(
  {
    key: { type: String, required: true },
    name: { type: String, required: true },
    responsibleDivisionId: { type: String, default: null },
    responsibleRole: { type: String, default: '' },
    standard: { type: String, default: '' },
    quantity: { type: String, default: '' },
    timeLimit: {
      unit: { type: String, enum: ['WORKING_DAYS', 'WORKING_HOURS'], required: true },
      amount: { type: Number, required: true },
    },
    next: { type: [String], default: [] },
  },
  { _id: false },
);

const templateSchema = new Schema<TemplateRecord>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    version: { type: Number, required: true },
    kind: { type: String, enum: WORKFLOW_KINDS, required: true },
    name: { type: String, required: true },
    steps: { type: [templateStepSchema], default: [] },
    createdByStaffId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'workflow_templates', versionKey: false },
);
// Two editors saving the same next version at once: one wins, the other is told (CONFLICT).
templateSchema.index({ key: 1, version: -1 }, { unique: true });

export const CASE_STATUSES = ['RUNNING', 'COMPLETED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const SUBJECT_KINDS = ['DOCUMENT', 'MEETING', 'MATTER'] as const;

export interface CaseRecord {
  _id: string;
  templateKey: string;
  templateVersion: number;
  kind: WorkflowKind;
  title: string;
  /** The division the case belongs to (steps without their own division fall to it). */
  divisionId: string;
  subject: { kind: (typeof SUBJECT_KINDS)[number]; id: string } | null;
  status: CaseStatus;
  startedByStaffId: string;
  startedAt: Date;
  completedAt: Date | null;
  overdueSteps: number;
}

const caseSchema = new Schema<CaseRecord>(
  {
    _id: { type: String, required: true },
    templateKey: { type: String, required: true },
    templateVersion: { type: Number, required: true },
    kind: { type: String, enum: WORKFLOW_KINDS, required: true },
    title: { type: String, required: true },
    divisionId: { type: String, required: true },
    subject: {
      type: new Schema(
        { kind: { type: String, enum: SUBJECT_KINDS, required: true }, id: String },
        { _id: false },
      ),
      default: null,
    },
    status: { type: String, enum: CASE_STATUSES, required: true },
    startedByStaffId: { type: String, required: true },
    startedAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
    overdueSteps: { type: Number, default: 0 },
  },
  { collection: 'workflow_cases', versionKey: false },
);
caseSchema.index({ divisionId: 1, startedAt: -1 });

export const STEP_STATUSES = ['OPEN', 'CLAIMED', 'DONE', 'RETURNED'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const STEP_ACTIONS = ['START', 'CLAIM', 'COMPLETE', 'RETURN', 'DELEGATE'] as const;

export interface StepHistoryEntry {
  action: (typeof STEP_ACTIONS)[number];
  staffId: string;
  at: Date;
  note: string | null;
}

/** One step of a running case: a step of its template version, started when it was reached. */
export interface StepRecord {
  _id: string;
  caseId: string;
  /** 1 for a case's first step, then in the order the steps were reached. */
  sequence: number;
  caseTitle: string;
  templateKey: string;
  templateVersion: number;
  kind: WorkflowKind;
  stepKey: string;
  name: string;
  responsibleDivisionId: string;
  assigneeStaffId: string | null;
  status: StepStatus;
  startedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  completedByStaffId: string | null;
  onTime: boolean | null;
  outputRef: string | null;
  note: string | null;
  /**
   * True while the step is open and its overdue has not been announced: the overdue scan reads
   * the index (watching, dueAt) and never the steps that are done or already announced.
   */
  watching: boolean;
  /**
   * Whose to-do list the step is on while it is open: `staff:<id>` once someone has it,
   * `division:<id>` while its division has not handed it to anyone; null when it is closed (see
   * `waitingOn` in workflow.rules.ts). `myWorkflowSteps` reads the (waitingOn, dueAt, _id) index
   * once per key, so a page walks the index in due order and stops after a page.
   */
  waitingOn: string | null;
  overdueAnnouncedAt: Date | null;
  history: StepHistoryEntry[];
}

const stepSchema = new Schema<StepRecord>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    sequence: { type: Number, required: true },
    caseTitle: { type: String, required: true },
    templateKey: { type: String, required: true },
    templateVersion: { type: Number, required: true },
    kind: { type: String, enum: WORKFLOW_KINDS, required: true },
    stepKey: { type: String, required: true },
    name: { type: String, required: true },
    responsibleDivisionId: { type: String, required: true },
    assigneeStaffId: { type: String, default: null },
    status: { type: String, enum: STEP_STATUSES, required: true },
    startedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
    completedByStaffId: { type: String, default: null },
    onTime: { type: Boolean, default: null },
    outputRef: { type: String, default: null },
    note: { type: String, default: null },
    watching: { type: Boolean, required: true },
    waitingOn: { type: String, default: null },
    overdueAnnouncedAt: { type: Date, default: null },
    history: {
      type: [
        new Schema<StepHistoryEntry>(
          {
            action: { type: String, enum: STEP_ACTIONS, required: true },
            staffId: { type: String, required: true },
            at: { type: Date, required: true },
            note: { type: String, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { collection: 'workflow_steps', versionKey: false },
);
stepSchema.index({ watching: 1, dueAt: 1 });
stepSchema.index({ caseId: 1, sequence: 1 }, { unique: true });
stepSchema.index({ waitingOn: 1, dueAt: 1, _id: 1 });
stepSchema.index({ responsibleDivisionId: 1, status: 1, dueAt: 1 });
stepSchema.index({ templateKey: 1, completedAt: 1 });

export type TemplateModel = Model<TemplateRecord>;
export type CaseModel = Model<CaseRecord>;
export type StepModel = Model<StepRecord>;

export function templateModel(conn: Connection): TemplateModel {
  return (
    (conn.models['WorkflowTemplate'] as TemplateModel | undefined) ??
    conn.model('WorkflowTemplate', templateSchema)
  );
}
export function caseModel(conn: Connection): CaseModel {
  return (
    (conn.models['WorkflowCase'] as CaseModel | undefined) ?? conn.model('WorkflowCase', caseSchema)
  );
}
export function stepModel(conn: Connection): StepModel {
  return (
    (conn.models['WorkflowStep'] as StepModel | undefined) ?? conn.model('WorkflowStep', stepSchema)
  );
}
