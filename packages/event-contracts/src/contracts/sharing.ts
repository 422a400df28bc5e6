import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/** Events of the sharing context (链接二: 资源共享). */

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });

export const documentRegistered = defineEvent({
  context: 'sharing',
  type: 'document.registered',
  version: 1,
  data: z.object({
    documentId: id,
    title: z.string().min(1),
    classification: classificationSchema,
    registeringDivisionId: id,
    registeredByStaffId: id,
    registeredAt: isoTime,
  }),
});

export const documentDistributed = defineEvent({
  context: 'sharing',
  type: 'document.distributed',
  version: 1,
  data: z.object({
    distributionId: id,
    documentId: id,
    senderDivisionId: id,
    recipientStaffIds: z.array(id),
    recipientDivisionIds: z.array(id),
    dueAt: isoTime,
    distributedAt: isoTime,
  }),
});

/** A recipient marked a reading request 已阅; `onTime` compares with its due date. */
export const readingAcknowledged = defineEvent({
  context: 'sharing',
  type: 'reading.acknowledged',
  version: 1,
  data: z.object({
    readingRequestId: id,
    documentId: id,
    staffId: id,
    /** The reader's division (null for committee leaders), the one the reading scores for. */
    divisionId: id.nullable(),
    dueAt: isoTime,
    acknowledgedAt: isoTime,
    onTime: z.boolean(),
  }),
});

export const readingOverdue = defineEvent({
  context: 'sharing',
  type: 'reading.overdue',
  version: 1,
  data: z.object({
    readingRequestId: id,
    documentId: id,
    staffId: id,
    divisionId: id.nullable(),
    dueAt: isoTime,
    detectedAt: isoTime,
  }),
});

/**
 * A circulation (传阅) reached a reader: when it starts, and whenever it moves on (已阅, 退回,
 * a reader passed over). The reader holds it until `hopDueAt`.
 */
export const circulationReached = defineEvent({
  context: 'sharing',
  type: 'circulation.reached',
  version: 1,
  data: z.object({
    circulationId: id,
    documentId: id,
    holderStaffId: id,
    startedByStaffId: id,
    hopDueAt: isoTime,
    reachedAt: isoTime,
  }),
});

export const circulationCompleted = defineEvent({
  context: 'sharing',
  type: 'circulation.completed',
  version: 1,
  data: z.object({
    circulationId: id,
    documentId: id,
    completedAt: isoTime,
    overdueHops: z.number().int().min(0),
  }),
});

/**
 * A leader's instruction (批示) on a document. With a lead division it becomes an assigned matter
 * in responsibility, exactly once per instruction.
 */
export const instructionIssued = defineEvent({
  context: 'sharing',
  type: 'instruction.issued',
  version: 1,
  data: z.object({
    instructionId: id,
    documentId: id,
    documentTitle: z.string().min(1),
    classification: classificationSchema,
    leaderStaffId: id,
    text: z.string().min(1),
    leadDivisionId: id.nullable(),
    coDivisionIds: z.array(id),
    deadline: isoTime.nullable(),
    issuedAt: isoTime,
  }),
});

export const catalogEntryPublished = defineEvent({
  context: 'sharing',
  type: 'catalog.entry-published',
  version: 1,
  data: z.object({
    entryId: id,
    title: z.string().min(1),
    sourceDivisionId: id,
    classification: classificationSchema,
    publishedAt: isoTime,
    /**
     * What the entry points at. ACHIEVEMENT: the entry catalogues an achievement, whose providing
     * already scores (achievement.registered), so the catalogue rule leaves it out — one output
     * scores once. Absent in events published before the field existed.
     */
    linkKind: z.enum(['DOCUMENT', 'ACHIEVEMENT', 'EXTERNAL']).nullable().optional(),
  }),
});

/** Another division cited (borrowed, reused) a catalogue entry; scores for the source division. */
export const catalogEntryCited = defineEvent({
  context: 'sharing',
  type: 'catalog.entry-cited',
  version: 1,
  data: z.object({
    citationId: id,
    entryId: id,
    sourceDivisionId: id,
    citingDivisionId: id,
    citedByStaffId: id,
    citedAt: isoTime,
  }),
});

const submission = z.object({
  submissionId: id,
  title: z.string().min(1),
  /** A division of the office, or null when an outside body (人大, 政协, a department) submitted it. */
  submitterDivisionId: id.nullable(),
  submitterOfficeId: id,
});

export const infoSubmitted = defineEvent({
  context: 'sharing',
  type: 'info.submitted',
  version: 1,
  data: submission.extend({ submittedAt: isoTime }),
});

export const infoAdopted = defineEvent({
  context: 'sharing',
  type: 'info.adopted',
  version: 1,
  data: submission.extend({ adoptedByStaffId: id, adoptedAt: isoTime }),
});

export const infoReturned = defineEvent({
  context: 'sharing',
  type: 'info.returned',
  version: 1,
  data: submission.extend({
    returnedByStaffId: id,
    reason: z.string().min(1),
    returnedAt: isoTime,
  }),
});

/** A 精品交流 issue went out; each featured item scores for its source division. */
export const featuredIssuePublished = defineEvent({
  context: 'sharing',
  type: 'featured.issue-published',
  version: 1,
  data: z.object({
    issueId: id,
    title: z.string().min(1),
    items: z.array(
      z.object({
        kind: z.enum(['CATALOG_ENTRY', 'INFO_SUBMISSION']),
        itemId: id,
        sourceDivisionId: id.nullable(),
      }),
    ),
    publishedAt: isoTime,
  }),
});
