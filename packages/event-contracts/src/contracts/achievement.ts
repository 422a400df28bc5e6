import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Events of the achievement context (链接四: 成果共用): outputs, their reuse by other divisions
 * and the 政务工作论坛. Assessment scores confirmed uses and adopted posts; sharing lists each
 * published achievement in its catalogue.
 */

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });

export const ACHIEVEMENT_KINDS = [
  'RESEARCH_REPORT',
  'INFORMATION_BRIEF',
  'EXPERIENCE_SUMMARY',
  'POLICY_SUGGESTION',
  'SPEECH_DRAFT',
  'OTHER',
] as const;
/** 借鉴 / 应用 / 转化. */
export const USE_KINDS = ['REFERENCED', 'APPLIED', 'TRANSFORMED'] as const;
/** What an achievement came from: federated references into the other subgraphs. */
export const ORIGIN_KINDS = [
  'MATTER',
  'RESEARCH_TOPIC',
  'MEETING_DECISION',
  'INSTRUCTION',
  'WORKFLOW_CASE',
  'FORUM_POST',
] as const;

const achievementState = z.object({
  achievementId: id,
  officeId: id,
  version: z.number().int().min(1),
  kind: z.enum(ACHIEVEMENT_KINDS),
  title: z.string().min(1),
  summary: z.string().min(1),
  keywords: z.array(z.string().min(1)),
  classification: classificationSchema,
  /** True when need-to-know narrows it below the whole office: such an achievement is not catalogued. */
  restricted: z.boolean(),
  leadDivisionId: id,
  coDivisionIds: z.array(id),
  authorStaffIds: z.array(id),
  origin: z.object({ kind: z.enum(ORIGIN_KINDS), id }).nullable(),
});

/** An achievement was published (registered directly, or a draft confirmed by its division). */
export const achievementRegistered = defineEvent({
  context: 'achievement',
  type: 'achievement.registered',
  version: 1,
  data: achievementState.extend({ registeredByStaffId: id, registeredAt: isoTime }),
});

/** A published achievement got a new version; the previous ones are kept. */
export const achievementRevised = defineEvent({
  context: 'achievement',
  type: 'achievement.revised',
  version: 1,
  data: achievementState.extend({ revisedByStaffId: id, revisedAt: isoTime }),
});

const use = z.object({
  useId: id,
  achievementId: id,
  kind: z.enum(USE_KINDS),
  /** The achievement's lead division: the one that confirms and that scores. */
  providerDivisionId: id,
  userDivisionId: id,
  claimedByStaffId: id,
  claimedAt: isoTime,
});

/** A division recorded that it used another division's achievement; it counts once confirmed. */
export const useClaimed = defineEvent({
  context: 'achievement',
  type: 'use.claimed',
  version: 1,
  data: use,
});

export const useConfirmed = defineEvent({
  context: 'achievement',
  type: 'use.confirmed',
  version: 1,
  data: use.extend({ confirmedByStaffId: id, confirmedAt: isoTime }),
});

export const useDisputed = defineEvent({
  context: 'achievement',
  type: 'use.disputed',
  version: 1,
  data: use.extend({ disputedByStaffId: id, reason: z.string().min(1), disputedAt: isoTime }),
});

export const forumTopicOpened = defineEvent({
  context: 'achievement',
  type: 'forum.topic-opened',
  version: 1,
  data: z.object({
    topicId: id,
    title: z.string().min(1),
    classification: classificationSchema,
    assignedDivisionIds: z.array(id),
    opensAt: isoTime,
    closesAt: isoTime,
    openedByStaffId: id,
  }),
});

/** Leadership adopted (采纳) a forum post; it scores for the author's division. */
export const forumPostAdopted = defineEvent({
  context: 'achievement',
  type: 'forum.post-adopted',
  version: 1,
  data: z.object({
    postId: id,
    topicId: id,
    authorStaffId: id,
    authorDivisionId: id.nullable(),
    /** Whether the topic asked the author's division to contribute. */
    assignedTopic: z.boolean(),
    adoptedByStaffId: id,
    adoptedAt: isoTime,
  }),
});
