import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { URGENCIES } from '../documents/gbt9704.rules.js';
import { DOCUMENT_KINDS } from '../documents/xingwen.rules.js';
import { officeIdSchema } from '../links/links.config.js';

/**
 * What crosses between offices: one signed message per addressed office. Version 1 of the wire
 * format; a receiver refuses a version it does not know rather than guessing.
 */

const text = (max: number) => z.string().min(1).max(max);
const isoTime = z.iso.datetime({ offset: true });

export const documentBodySchema = z.object({
  documentId: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  direction: z.enum(['UPWARD', 'DOWNWARD', 'HORIZONTAL']),
  copyNumber: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  secrecyPeriodYears: z.number().int().min(1).max(30).nullable(),
  urgency: z.enum(URGENCIES),
  issuingOfficeName: text(100),
  documentNumber: text(60),
  signer: text(20).nullable(),
  title: text(200),
  body: text(50_000),
  recipients: z
    .array(z.object({ officeId: officeIdSchema, name: text(100), role: z.enum(['MAIN', 'CC']) }))
    .min(1)
    .max(500),
  writtenOn: z.iso.date(),
  attachments: z.array(text(100)).max(20),
  inReplyToId: z.uuid().nullable(),
});

export const receiptBodySchema = z.object({
  documentId: z.uuid(),
  signedForAt: isoTime,
});

export const assignmentBodySchema = z.object({
  officeAssignmentId: z.uuid(),
  title: text(200),
  requirements: text(5_000),
  deadline: isoTime,
  reportFrequency: z.enum(['AD_HOC', 'WEEKLY', 'BIWEEKLY', 'MONTHLY']),
  assignedAt: isoTime,
});

export const matterUpdateBodySchema = z.object({
  officeAssignmentId: z.uuid(),
  updateId: text(200),
  type: z.enum(['ACCEPTED', 'PROGRESS', 'COMPLETED', 'ESCALATED']),
  at: isoTime,
  percent: z.number().int().min(0).max(100).nullable(),
  onSchedule: z.boolean().nullable(),
  onTime: z.boolean().nullable(),
  level: z.enum(['BLUE', 'ORANGE', 'RED']).nullable(),
});

const common = {
  v: z.literal(1),
  id: z.uuid(),
  from: officeIdSchema,
  to: officeIdSchema,
  /** Messages of one matter (a document and its receipts, an assigned matter) arrive in order. */
  matterKey: z.string().min(1).max(200),
  /** Per sender, increasing: the order the relay keeps within a matter. */
  sequence: z.number().int().positive(),
  classification: classificationSchema,
  sentAt: isoTime,
};

export const liaisonMessageSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('DOCUMENT'), body: documentBodySchema }),
  z.object({ ...common, kind: z.literal('RECEIPT'), body: receiptBodySchema }),
  z.object({ ...common, kind: z.literal('ASSIGNMENT'), body: assignmentBodySchema }),
  z.object({ ...common, kind: z.literal('MATTER_UPDATE'), body: matterUpdateBodySchema }),
]);
export type AssignmentBody = z.infer<typeof assignmentBodySchema>;
export type MatterUpdateBody = z.infer<typeof matterUpdateBodySchema>;

export type LiaisonMessage = z.infer<typeof liaisonMessageSchema>;
export type LiaisonMessageKind = LiaisonMessage['kind'];
export type DocumentBody = z.infer<typeof documentBodySchema>;
