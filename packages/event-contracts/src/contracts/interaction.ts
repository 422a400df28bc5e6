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
