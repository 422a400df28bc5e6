import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Joint research (调研工作联席会议) events of the interaction context: topics proposed by the
 * divisions, selected at the joint meeting with a lead division and a pooled team, their
 * milestones (开题, 调研, 初稿, 定稿) and the finished report, which achievement registers and
 * assessment scores.
 */

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });

/** 开题 / 调研 / 初稿 / 定稿, in the order a topic reaches them. */
export const RESEARCH_MILESTONES = ['OPENING', 'FIELDWORK', 'DRAFT', 'FINAL'] as const;

/** A division proposed a topic for a research period; `likelyDuplicateIds` are what Heli flagged. */
export const researchTopicProposed = defineEvent({
  context: 'interaction',
  type: 'research.topic-proposed',
  version: 1,
  data: z.object({
    topicId: id,
    periodId: id,
    title: z.string().min(1),
    classification: classificationSchema,
    proposingDivisionId: id,
    proposedByStaffId: id,
    likelyDuplicateIds: z.array(id),
    proposedAt: isoTime,
  }),
});

/** The joint meeting selected a topic (merging duplicates into it), its lead and its team. */
export const researchTopicSelected = defineEvent({
  context: 'interaction',
  type: 'research.topic-selected',
  version: 1,
  data: z.object({
    topicId: id,
    periodId: id,
    meetingId: id,
    title: z.string().min(1),
    classification: classificationSchema,
    leadDivisionId: id,
    teamStaffIds: z.array(id),
    mergedTopicIds: z.array(id),
    milestones: z.array(z.object({ kind: z.enum(RESEARCH_MILESTONES), dueAt: isoTime })),
    selectedByStaffId: id,
    selectedAt: isoTime,
  }),
});

/** A milestone was reached; `onTime` compares with its date. */
export const researchMilestoneReached = defineEvent({
  context: 'interaction',
  type: 'research.milestone-reached',
  version: 1,
  data: z.object({
    topicId: id,
    milestone: z.enum(RESEARCH_MILESTONES),
    leadDivisionId: id,
    dueAt: isoTime,
    reachedAt: isoTime,
    onTime: z.boolean(),
    reachedByStaffId: id,
  }),
});

/** The topic's final report (定稿) is done: achievement registers it as a research report. */
export const researchReportCompleted = defineEvent({
  context: 'interaction',
  type: 'research.report-completed',
  version: 1,
  data: z.object({
    topicId: id,
    periodId: id,
    topicTitle: z.string().min(1),
    reportTitle: z.string().min(1),
    summary: z.string(),
    /** The report as registered in sharing, when it was. */
    reportDocumentId: id.nullable(),
    classification: classificationSchema,
    leadDivisionId: id,
    /** Divisions of the pooled team other than the lead. */
    coDivisionIds: z.array(id),
    teamStaffIds: z.array(id),
    completedByStaffId: id,
    completedAt: isoTime,
    onTime: z.boolean(),
  }),
});
