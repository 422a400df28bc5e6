import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../documents/xingwen.rules.js';
import { officeIdSchema } from '../links/links.config.js';
import { REPORT_FREQUENCIES } from '../matters/office-assignment.model.js';

/**
 * The federated view's wire format (version 1): a higher office asks a lower office what it has
 * published to it (a signed query), and the lower office answers from its own records (a signed
 * answer). Both are flattened JWS like the messages, of their own JWS types.
 */

export const VIEW_QUERY_TYPE = 'heli-liaison-view-query+json';
export const VIEW_ANSWER_TYPE = 'heli-liaison-view+json';

const isoTime = z.iso.datetime({ offset: true });

export const viewQuerySchema = z.object({
  v: z.literal(1),
  /** Fresh per query; the answer names it, so an answer cannot be replayed for another query. */
  id: z.uuid(),
  from: officeIdSchema,
  to: officeIdSchema,
  issuedAt: isoTime,
});
export type ViewQuery = z.infer<typeof viewQuerySchema>;

const publishedUpdateSchema = z.object({
  type: z.enum(['ACCEPTED', 'PROGRESS', 'COMPLETED', 'ESCALATED']),
  at: isoTime,
  percent: z.number().int().min(0).max(100).nullable(),
  onSchedule: z.boolean().nullable(),
  onTime: z.boolean().nullable(),
  level: z.enum(['BLUE', 'ORANGE', 'RED']).nullable(),
});

export const publishedMatterSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  classification: classificationSchema,
  deadline: isoTime,
  reportFrequency: z.enum(REPORT_FREQUENCIES),
  status: z.enum(['ASSIGNED', 'ACCEPTED', 'COMPLETED']),
  assignedAt: isoTime,
  progress: z.number().int().min(0).max(100),
  escalation: z.enum(['BLUE', 'ORANGE', 'RED']).nullable(),
  updates: z.array(publishedUpdateSchema),
});
export type PublishedMatter = z.infer<typeof publishedMatterSchema>;

export const publishedReportSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(DOCUMENT_KINDS),
  documentNumber: z.string().min(1),
  title: z.string().min(1),
  classification: classificationSchema,
  writtenOn: z.iso.date(),
  sentAt: isoTime,
});
export type PublishedReport = z.infer<typeof publishedReportSchema>;

/** Figures over what a viewer may see of a view (`publishedStatistics`). */
export interface PublishedStatistics {
  assigned: number;
  accepted: number;
  completed: number;
  completedOnTime: number;
  overdue: number;
  red: number;
  reports: number;
}

export const viewAnswerSchema = z.object({
  v: z.literal(1),
  queryId: z.uuid(),
  from: officeIdSchema,
  to: officeIdSchema,
  answeredAt: isoTime,
  matters: z.array(publishedMatterSchema).max(1_000),
  reports: z.array(publishedReportSchema).max(1_000),
});
export type ViewAnswer = z.infer<typeof viewAnswerSchema>;
