import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Events of the liaison context (纵向互动 / 横向协作): 公文 sent to and received from other offices.
 * Office ids name offices the same way in every deployment (e.g. office-daoli).
 */

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });
const documentKind = z.enum([
  'REQUEST',
  'REPORT',
  'NOTICE',
  'CIRCULAR',
  'OPINION',
  'REPLY',
  'DECISION',
  'LETTER',
]);

const documentRef = z.object({
  documentId: id,
  kind: documentKind,
  documentNumber: z.string().min(1),
  title: z.string().min(1),
  classification: classificationSchema,
});

/** A 发文: the document was accepted and queued for every addressed office. */
export const documentSent = defineEvent({
  context: 'liaison',
  type: 'document.sent',
  version: 1,
  data: documentRef.extend({
    recipientOfficeIds: z.array(id).min(1),
    sentByStaffId: id,
    sentAt: isoTime,
  }),
});

/** A 收文: a document from another office was registered here, for the secretariat to sign for. */
export const documentReceived = defineEvent({
  context: 'liaison',
  type: 'document.received',
  version: 1,
  data: documentRef.extend({ fromOfficeId: id, receivedAt: isoTime }),
});

/** The secretariat signed for (签收) a received document; the sender is told. */
export const documentSignedFor = defineEvent({
  context: 'liaison',
  type: 'document.signed-for',
  version: 1,
  data: documentRef.extend({ fromOfficeId: id, signedForByStaffId: id, signedForAt: isoTime }),
});

/**
 * A matter a higher office assigned to this one (交办事项), taken on by its leadership with a lead
 * division: responsibility makes it an assigned matter whose origin is that office
 * (source HIGHER_OFFICE, sourceRef = officeAssignmentId), and liaison reports its progress up.
 */
export const officeAssignmentAccepted = defineEvent({
  context: 'liaison',
  type: 'office-assignment.accepted',
  version: 1,
  data: z.object({
    officeAssignmentId: id,
    fromOfficeId: id,
    fromOfficeName: z.string().min(1),
    title: z.string().min(1),
    requirements: z.string().min(1),
    classification: classificationSchema,
    deadline: isoTime,
    reportFrequency: z.enum(['AD_HOC', 'WEEKLY', 'BIWEEKLY', 'MONTHLY']),
    leadDivisionId: id,
    coDivisionIds: z.array(id),
    acceptedByStaffId: id,
    acceptedAt: isoTime,
  }),
});
