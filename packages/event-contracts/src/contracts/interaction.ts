import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Events of the interaction context (链接三: 工作互动): meetings and their decisions, the minutes
 * sent to divisions that were absent, and (below) workflow cases tracked against their time limits.
 */

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });

export const MEETING_KINDS = ['DELIBERATION', 'RESEARCH_JOINT', 'COORDINATION'] as const;

/** A decision recorded at a meeting; with a lead division it becomes exactly one assigned matter. */
export const meetingDecisionRecorded = defineEvent({
  context: 'interaction',
  type: 'meeting.decision-recorded',
  version: 1,
  data: z.object({
    decisionId: id,
    meetingId: id,
    meetingKind: z.enum(MEETING_KINDS),
    meetingTitle: z.string().min(1),
    text: z.string().min(1),
    classification: classificationSchema,
    leadDivisionId: id.nullable(),
    coDivisionIds: z.array(id),
    deadline: isoTime.nullable(),
    recordedByStaffId: id,
    recordedAt: isoTime,
  }),
});

/** A meeting was put on the calendar (议政会, 调研联席会议 or 横向协调会). */
export const meetingScheduled = defineEvent({
  context: 'interaction',
  type: 'meeting.scheduled',
  version: 1,
  data: z.object({
    meetingId: id,
    meetingKind: z.enum(MEETING_KINDS),
    title: z.string().min(1),
    classification: classificationSchema,
    startsAt: isoTime,
    chairStaffId: id,
    attendingDivisionIds: z.array(id),
    scheduledByStaffId: id,
    scheduledAt: isoTime,
  }),
});

/** The chair or office leadership closed the meeting; its decisions follow as their own events. */
export const meetingClosed = defineEvent({
  context: 'interaction',
  type: 'meeting.closed',
  version: 1,
  data: z.object({
    meetingId: id,
    meetingKind: z.enum(MEETING_KINDS),
    title: z.string().min(1),
    classification: classificationSchema,
    decisionIds: z.array(id),
    attendedStaffIds: z.array(id),
    absentDivisionIds: z.array(id),
    closedByStaffId: id,
    closedAt: isoTime,
  }),
});

/**
 * The minutes (纪要) of a closed meeting, for sharing to register as a document and send to the
 * divisions that were absent to read (阅知) by `readingDueAt`.
 */
export const minutesPublished = defineEvent({
  context: 'interaction',
  type: 'meeting.minutes-published',
  version: 1,
  data: z.object({
    meetingId: id,
    meetingKind: z.enum(MEETING_KINDS),
    title: z.string().min(1),
    text: z.string().min(1),
    classification: classificationSchema,
    /** The division that ran the meeting, which the minutes are registered for. */
    organiserDivisionId: id,
    publishedByStaffId: id,
    absentDivisionIds: z.array(id),
    readingDueAt: isoTime,
    publishedAt: isoTime,
  }),
});

export const WORKFLOW_KINDS = ['DOCUMENT', 'MEETING', 'SUPERVISION', 'RESEARCH'] as const;

const workflowStep = z.object({
  caseId: id,
  caseTitle: z.string().min(1),
  templateKey: id,
  templateVersion: z.number().int().min(1),
  workflowKind: z.enum(WORKFLOW_KINDS),
  stepId: id,
  stepKey: id,
  stepName: z.string().min(1),
  /** The division the step's time counts for. */
  responsibleDivisionId: id,
  dueAt: isoTime,
});

/** A workflow case (办文, 办会, 信息督查, 综合调研) was started from a template version. */
export const workflowCaseStarted = defineEvent({
  context: 'interaction',
  type: 'workflow.case-started',
  version: 1,
  data: z.object({
    caseId: id,
    caseTitle: z.string().min(1),
    templateKey: id,
    templateVersion: z.number().int().min(1),
    workflowKind: z.enum(WORKFLOW_KINDS),
    divisionId: id,
    startedByStaffId: id,
    startedAt: isoTime,
  }),
});

/** A step was completed; `onTime` compares completion with its due time on the working calendar. */
export const workflowStepCompleted = defineEvent({
  context: 'interaction',
  type: 'workflow.step-completed',
  version: 1,
  data: workflowStep.extend({
    completedByStaffId: id,
    startedAt: isoTime,
    completedAt: isoTime,
    onTime: z.boolean(),
  }),
});

/** A step passed its due time unfinished; announced once per step. */
export const workflowStepOverdue = defineEvent({
  context: 'interaction',
  type: 'workflow.step-overdue',
  version: 1,
  data: workflowStep.extend({ detectedAt: isoTime }),
});

/** The case's last step was completed. */
export const workflowCaseCompleted = defineEvent({
  context: 'interaction',
  type: 'workflow.case-completed',
  version: 1,
  data: z.object({
    caseId: id,
    caseTitle: z.string().min(1),
    templateKey: id,
    templateVersion: z.number().int().min(1),
    workflowKind: z.enum(WORKFLOW_KINDS),
    divisionId: id,
    completedAt: isoTime,
    overdueSteps: z.number().int().min(0),
  }),
});
