import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/** Events of the assessment context (考核督办, 奖惩分明). */

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });

export const INSPECTION_KINDS = ['REGULAR', 'SPOT_CHECK'] as const;
export const FINDING_SEVERITIES = ['COMMENDABLE', 'MINOR_ISSUE', 'MAJOR_ISSUE'] as const;
export const EVALUATION_GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;

/**
 * An inspector recorded a finding about a division's work. Its points come from the year's
 * scoring rules (by severity), like every other score, so the assessment ledger scores this event.
 */
export const inspectionFindingRecorded = defineEvent({
  context: 'assessment',
  type: 'inspection.finding-recorded',
  version: 1,
  data: z.object({
    findingId: id,
    inspectionId: id,
    inspectionKind: z.enum(INSPECTION_KINDS),
    divisionId: id,
    /** The inspected item, e.g. `{ kind: 'MATTER', id: assignmentId }`; null for the division as a whole. */
    item: z.object({ kind: z.string().min(1), id }).nullable(),
    severity: z.enum(FINDING_SEVERITIES),
    note: z.string().min(1),
    inspectorStaffId: id,
    recordedAt: isoTime,
  }),
});

/** A regular inspection (定期检查) or spot check (不定期抽查) was closed with its findings. */
export const inspectionCompleted = defineEvent({
  context: 'assessment',
  type: 'inspection.completed',
  version: 1,
  data: z.object({
    inspectionId: id,
    kind: z.enum(INSPECTION_KINDS),
    divisionId: id,
    /** The period inspected: '2026', '2026-Q2' or '2026-05'. */
    period: z.string().min(4),
    /** The recorded seed a spot check's sample was drawn with; null for a regular inspection. */
    seed: z.string().min(1).nullable(),
    sampledItems: z.array(z.object({ kind: z.string().min(1), id })),
    findingCount: z.number().int().min(0),
    points: z.number(),
    inspectorStaffId: id,
    completedAt: isoTime,
  }),
});

/** An evaluation (考评) of a division for a period was published; re-publishing bumps `version`. */
export const evaluationPublished = defineEvent({
  context: 'assessment',
  type: 'evaluation.published',
  version: 1,
  data: z.object({
    evaluationId: id,
    divisionId: id,
    period: z.string().min(4),
    version: z.number().int().min(1),
    total: z.number(),
    rank: z.number().int().min(1),
    rankedDivisions: z.number().int().min(1),
    grade: z.enum(EVALUATION_GRADES),
    ruleSetVersion: z.number().int().min(1),
    publishedByStaffId: id,
    publishedAt: isoTime,
  }),
});
