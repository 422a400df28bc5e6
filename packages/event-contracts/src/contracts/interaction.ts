import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Events of the interaction context (链接三: 工作互动). The interaction subgraph is not built yet;
 * its decision event is defined now because responsibility turns it into an assigned matter.
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
