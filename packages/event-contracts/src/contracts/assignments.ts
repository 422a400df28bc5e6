import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Events of the responsibility context about assigned matters (交办事项) and difficulties (困难).
 * Every assignment event carries the lead division, so assessment can score without asking back.
 */

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });

export const ASSIGNMENT_SOURCES = [
  'LEADERSHIP',
  'INSTRUCTION',
  'MEETING_DECISION',
  'HIGHER_OFFICE',
] as const;
export const ESCALATION_LEVELS = ['BLUE', 'ORANGE', 'RED'] as const;

const assignmentRef = z.object({
  assignmentId: id,
  /** Set for a sub-matter split off for a co-organiser. */
  parentAssignmentId: id.nullable(),
  leadDivisionId: id,
  coDivisionIds: z.array(id),
  classification: classificationSchema,
  deadline: isoTime,
});

const actor = z.object({ actorStaffId: id, at: isoTime });

export const assignmentCreated = defineEvent({
  context: 'responsibility',
  type: 'assignment.created',
  version: 1,
  data: assignmentRef.extend({
    title: z.string().min(1),
    source: z.enum(ASSIGNMENT_SOURCES),
    /** The id of what caused it: the instruction, the meeting decision, … (null for leadership). */
    sourceRef: id.nullable(),
    assignedByStaffId: id,
    responsibleStaffIds: z.array(id),
    priority: z.enum(['NORMAL', 'HIGH', 'URGENT']),
    createdAt: isoTime,
  }),
});

export const assignmentAccepted = defineEvent({
  context: 'responsibility',
  type: 'assignment.accepted',
  version: 1,
  data: assignmentRef.extend(actor.shape),
});

export const assignmentProgressReported = defineEvent({
  context: 'responsibility',
  type: 'assignment.progress-reported',
  version: 1,
  data: assignmentRef.extend({
    ...actor.shape,
    progressReportId: id,
    percent: z.number().int().min(0).max(100),
    /** Whether the report came in by the date the schedule asked for (true for ad hoc reports). */
    onSchedule: z.boolean(),
  }),
});

export const assignmentResultSubmitted = defineEvent({
  context: 'responsibility',
  type: 'assignment.result-submitted',
  version: 1,
  data: assignmentRef.extend(actor.shape),
});

/** Accepted by the assigner; `onTime` compares the result's submission with the deadline. */
export const assignmentCompleted = defineEvent({
  context: 'responsibility',
  type: 'assignment.completed',
  version: 1,
  data: assignmentRef.extend({ ...actor.shape, completedAt: isoTime, onTime: z.boolean() }),
});

export const assignmentReturned = defineEvent({
  context: 'responsibility',
  type: 'assignment.returned',
  version: 1,
  data: assignmentRef.extend({ ...actor.shape, reason: z.string().min(1) }),
});

export const assignmentCancelled = defineEvent({
  context: 'responsibility',
  type: 'assignment.cancelled',
  version: 1,
  data: assignmentRef.extend({ ...actor.shape, reason: z.string().min(1) }),
});

/** The deadline passed with the matter not completed; published once per matter. */
export const assignmentOverdue = defineEvent({
  context: 'responsibility',
  type: 'assignment.overdue',
  version: 1,
  data: assignmentRef.extend({ detectedAt: isoTime }),
});

export const assignmentEscalated = defineEvent({
  context: 'responsibility',
  type: 'assignment.escalated',
  version: 1,
  data: assignmentRef.extend({ level: z.enum(ESCALATION_LEVELS), escalatedAt: isoTime }),
});

/**
 * A scheduled progress report falls due within a day (announced once per due date by the
 * supervision tick), so the people who owe it hear of it the day before.
 */
export const assignmentReportDueSoon = defineEvent({
  context: 'responsibility',
  type: 'assignment.report-due-soon',
  version: 1,
  data: assignmentRef.extend({
    responsibleStaffIds: z.array(id),
    reportDueAt: isoTime,
    detectedAt: isoTime,
  }),
});

export const difficultyRaised = defineEvent({
  context: 'responsibility',
  type: 'difficulty.raised',
  version: 1,
  data: z.object({
    difficultyId: id,
    divisionId: id,
    assignmentId: id.nullable(),
    title: z.string().min(1),
    raisedByStaffId: id,
    raisedAt: isoTime,
  }),
});

export const difficultyResolved = defineEvent({
  context: 'responsibility',
  type: 'difficulty.resolved',
  version: 1,
  data: z.object({
    difficultyId: id,
    divisionId: id,
    assignmentId: id.nullable(),
    resolvedByStaffId: id,
    resolvedAt: isoTime,
  }),
});
