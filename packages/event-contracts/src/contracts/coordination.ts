import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Horizontal coordination (横向协作) events of the interaction context: tasks the office agrees
 * with a partner office (常委所在部门办公室) at a 横向协调会, led by that office's liaison and
 * tracked in interaction, and their completion.
 */

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });

/** A task agreed with a partner office at a coordination meeting. */
export const partnerTaskAgreed = defineEvent({
  context: 'interaction',
  type: 'coordination.partner-task-agreed',
  version: 1,
  data: z.object({
    taskId: id,
    meetingId: id,
    title: z.string().min(1),
    classification: classificationSchema,
    partnerOfficeId: id,
    leadStaffId: id,
    coDivisionIds: z.array(id),
    deadline: isoTime,
    keyWorkItemId: id.nullable(),
    agreedByStaffId: id,
    agreedAt: isoTime,
  }),
});

/** The partner's liaison (or the office) reported the task done. */
export const partnerTaskCompleted = defineEvent({
  context: 'interaction',
  type: 'coordination.partner-task-completed',
  version: 1,
  data: z.object({
    taskId: id,
    meetingId: id,
    title: z.string().min(1),
    partnerOfficeId: id,
    leadStaffId: id,
    coDivisionIds: z.array(id),
    deadline: isoTime,
    onTime: z.boolean(),
    completedByStaffId: id,
    completedAt: isoTime,
  }),
});
