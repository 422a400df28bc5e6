import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { interactionEvents } from '@heli/event-contracts';
import { Schema, type Connection, type Model } from 'mongoose';

export const MEETING_KINDS = interactionEvents.MEETING_KINDS;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['SCHEDULED', 'CLOSED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
/** 通报 / 部署 / 交流 */
export const AGENDA_ITEM_KINDS = ['BRIEFING', 'DEPLOYMENT', 'EXCHANGE'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** What a 部署 item assigns: it becomes one matter in responsibility when the meeting closes. */
export interface Deployment {
  leadDivisionId: string;
  coDivisionIds: string[];
  deadline: Date;
  requirements: string;
}

export interface AgendaItemRecord {
  /** Also the decision's id once the meeting closes, so the matter can name where it came from. */
  _id: string;
  kind: AgendaItemKind;
  title: string;
  content: string;
  /** 通报: sharing documents it briefs on. */
  documentIds: string[];
  /** 交流: catalogue entries or achievements whose experience is shared. */
  linkedEntryIds: string[];
  deployment: Deployment | null;
  addedByStaffId: string;
  addedAt: Date;
}

export interface SignInRecord {
  staffId: string;
  divisionId: string | null;
  at: Date;
}

export interface AbsenceRecord {
  divisionId: string;
  reason: string;
  recordedByStaffId: string;
  at: Date;
}

export interface MeetingRecord {
  _id: string;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  place: string;
  chairStaffId: string;
  /** The division that runs it and in whose name the minutes are registered. */
  organiserDivisionId: string;
  attendingDivisionIds: string[];
  attendeeStaffIds: string[];
  /**
   * 横向协调会: the partner offices (常委所在部门办公室) taking part. Meetings stored before
   * horizontal coordination existed have none of these three lists.
   */
  partnerOfficeIds?: string[];
  /** 统筹安排: the key work items the meeting serves. */
  keyWorkItemIds?: string[];
  /** Tasks agreed with partner offices at the meeting, in the order agreed. */
  partnerTaskIds?: string[];
  classification: Classification;
  status: MeetingStatus;
  agenda: AgendaItemRecord[];
  signIns: SignInRecord[];
  absences: AbsenceRecord[];
  minutes: string | null;
  scheduledByStaffId: string;
  scheduledAt: Date;
  closedByStaffId: string | null;
  closedAt: Date | null;
}

const deploymentSchema = new Schema<Deployment>(
  {
    leadDivisionId: { type: String, required: true },
    coDivisionIds: { type: [String], default: [] },
    deadline: { type: Date, required: true },
    requirements: { type: String, required: true },
  },
  { _id: false },
);

const agendaItemSchema = new Schema<AgendaItemRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: AGENDA_ITEM_KINDS, required: true },
    title: { type: String, required: true },
    content: { type: String, default: '' },
    documentIds: { type: [String], default: [] },
    linkedEntryIds: { type: [String], default: [] },
    deployment: { type: deploymentSchema, default: null },
    addedByStaffId: { type: String, required: true },
    addedAt: { type: Date, required: true },
  },
  { _id: false },
);

const meetingSchema = new Schema<MeetingRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: MEETING_KINDS, required: true },
    title: { type: String, required: true },
    startsAt: { type: Date, required: true },
    place: { type: String, default: '' },
    chairStaffId: { type: String, required: true },
    organiserDivisionId: { type: String, required: true },
    attendingDivisionIds: { type: [String], default: [] },
    attendeeStaffIds: { type: [String], default: [] },
    partnerOfficeIds: { type: [String], default: [] },
    keyWorkItemIds: { type: [String], default: [] },
    partnerTaskIds: { type: [String], default: [] },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    status: { type: String, enum: MEETING_STATUSES, required: true },
    agenda: { type: [agendaItemSchema], default: [] },
    signIns: {
      type: [
        new Schema<SignInRecord>(
          {
            staffId: { type: String, required: true },
            divisionId: { type: String, default: null },
            at: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    absences: {
      type: [
        new Schema<AbsenceRecord>(
          {
            divisionId: { type: String, required: true },
            reason: { type: String, required: true },
            recordedByStaffId: { type: String, required: true },
            at: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    minutes: { type: String, default: null },
    scheduledByStaffId: { type: String, required: true },
    scheduledAt: { type: Date, required: true },
    closedByStaffId: { type: String, default: null },
    closedAt: { type: Date, default: null },
  },
  { collection: 'meetings', versionKey: false },
);
// Pages of meetings, latest first (ties by _id), walk this index.
meetingSchema.index({ startsAt: -1, _id: -1 });
meetingSchema.index({ keyWorkItemIds: 1 });
meetingSchema.index({ attendingDivisionIds: 1, startsAt: -1 });
meetingSchema.index({ organiserDivisionId: 1, startsAt: -1 });

/** 议定事项: a 部署 item of a closed meeting, and the matter responsibility made of it. */
export interface DecisionRecord {
  /** The agenda item's id. */
  _id: string;
  meetingId: string;
  meetingTitle: string;
  classification: Classification;
  text: string;
  leadDivisionId: string;
  coDivisionIds: string[];
  deadline: Date;
  recordedAt: Date;
  /** Set when responsibility announces the matter it made of the decision. */
  assignmentId: string | null;
  status: DecisionStatus;
}
/** 待交办 → 已交办 → 已签收 → 已办结 (the matter's own status is federated from responsibility). */
export const DECISION_STATUSES = ['RECORDED', 'ASSIGNED', 'ACCEPTED', 'COMPLETED'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

const decisionSchema = new Schema<DecisionRecord>(
  {
    _id: { type: String, required: true },
    meetingId: { type: String, required: true },
    meetingTitle: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    text: { type: String, required: true },
    leadDivisionId: { type: String, required: true },
    coDivisionIds: { type: [String], default: [] },
    deadline: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    assignmentId: { type: String, default: null },
    status: { type: String, enum: DECISION_STATUSES, required: true },
  },
  { collection: 'meeting_decisions', versionKey: false },
);
decisionSchema.index({ meetingId: 1 });
decisionSchema.index(
  { assignmentId: 1 },
  { unique: true, partialFilterExpression: { assignmentId: { $type: 'string' } } },
);

export type MeetingModel = Model<MeetingRecord>;
export type DecisionModel = Model<DecisionRecord>;

export function meetingModel(conn: Connection): MeetingModel {
  return (
    (conn.models['Meeting'] as MeetingModel | undefined) ?? conn.model('Meeting', meetingSchema)
  );
}

export function decisionModel(conn: Connection): DecisionModel {
  return (
    (conn.models['MeetingDecision'] as DecisionModel | undefined) ??
    conn.model('MeetingDecision', decisionSchema)
  );
}
