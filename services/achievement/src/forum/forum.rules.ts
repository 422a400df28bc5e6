import { canRead, isOfficeLeader, type Classification } from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';
import type { Viewer } from '../access/visibility.rules.js';
import {
  idListProblems,
  MAX_NOTE_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
} from '../records/text-limits.js';
import type { ForumPostRecord, ForumTopicRecord } from './forum.model.js';

/** A post is a contribution to a discussion, not a report: a report becomes an achievement. */
export const MAX_POST_LENGTH = 20_000;
/** A topic runs for a period a leader names; a year is the longest the office plans ahead. */
export const MAX_TOPIC_DAYS = 366;

/** Why this person may not open a topic, or null: office leadership opens the forum's topics. */
export function topicOpeningRefusal(viewer: Viewer, classification: Classification): string | null {
  if (!isOfficeLeader(viewer)) return '只有办公厅领导可以开设论坛议题';
  if (!canRead(viewer.clearance, classification)) return '不能开设高于本人涉密等级的议题';
  return null;
}

export interface TopicDraft {
  title: string;
  description: string;
  assignedDivisionIds: readonly string[];
  opensAt: Date;
  closesAt: Date;
}

/** Everything wrong with a new topic, named at once. */
export function topicProblems(draft: TopicDraft, now: Date): string[] {
  const days = (draft.closesAt.getTime() - draft.opensAt.getTime()) / 86_400_000;
  return [
    textProblem('议题标题', draft.title, MAX_TITLE_LENGTH),
    textProblem('议题说明', draft.description, MAX_SUMMARY_LENGTH),
    ...idListProblems('指定参与处室', draft.assignedDivisionIds),
    days <= 0 ? '议题截止时间须晚于开始时间' : null,
    days > MAX_TOPIC_DAYS ? `议题开放期不能超过 ${MAX_TOPIC_DAYS} 天` : null,
    draft.closesAt <= now ? '议题截止时间须晚于现在' : null,
  ].filter((problem) => problem !== null);
}

/** Whether the topic takes posts at `now`: from its opening (inclusive) to its close (exclusive). */
export function isTopicOpen(topic: Pick<ForumTopicRecord, 'opensAt' | 'closesAt'>, now: Date) {
  return topic.opensAt <= now && now < topic.closesAt;
}

/** Why this person may not post in this topic now, or null. */
export function postRefusal(
  viewer: Viewer,
  topic: Pick<ForumTopicRecord, 'opensAt' | 'closesAt'>,
  now: Date,
): string | null {
  if (now < topic.opensAt) return '议题尚未开始，暂不能发帖';
  if (now >= topic.closesAt) return '议题已截止，不能再发帖';
  if (viewer.divisionId === null && !isOfficeLeader(viewer)) return '只有办公厅工作人员可以发帖';
  return null;
}

/**
 * A topic's level bounds its posts: a post may not be classified above its topic (the topic is
 * where readers come from, and all of them are cleared for the topic's level only), nor above its
 * author's clearance.
 */
export function postClassificationProblem(
  post: Classification,
  topic: Classification,
  authorClearance: Classification,
): string | null {
  if (!canRead(topic, post)) return '帖子密级不能高于议题密级';
  if (!canRead(authorClearance, post)) return '帖子密级不能高于本人涉密等级';
  return null;
}

/** Everything wrong with a new post or reply, named at once. */
export function postProblems(
  input: { body: string; classification: Classification },
  topic: Pick<ForumTopicRecord, '_id' | 'classification'>,
  authorClearance: Classification,
  parent: Pick<ForumPostRecord, 'topicId'> | null,
): string[] {
  return [
    textProblem('帖子内容', input.body, MAX_POST_LENGTH),
    postClassificationProblem(input.classification, topic.classification, authorClearance),
    parent !== null && parent.topicId !== topic._id ? '回复的帖子不在该议题下' : null,
  ].filter((problem) => problem !== null);
}

/** Moderation (hiding a post, with a reason) is office leadership's. */
export function moderationRefusal(viewer: Viewer): string | null {
  return isOfficeLeader(viewer) ? null : '只有办公厅领导可以屏蔽帖子';
}

export function hidingProblems(reason: string): string[] {
  const problem = textProblem('屏蔽理由', reason, MAX_NOTE_LENGTH);
  return problem ? [problem] : [];
}

/** Adoption (采纳) is a leadership decision: it scores for the author's division. */
export function adoptionRefusal(viewer: Viewer): string | null {
  return isOfficeLeader(viewer) ? null : '只有办公厅领导可以采纳帖子';
}

/** A post is adopted once, and a hidden one not at all. */
export function adoptionConflict(
  post: Pick<ForumPostRecord, 'hidden' | 'adoptedAt'>,
): string | null {
  if (post.hidden !== null) return '帖子已被屏蔽，不能采纳';
  if (post.adoptedAt !== null) return '该帖子已被采纳';
  return null;
}

/**
 * Who turns an adopted post into an achievement: its author's division (which leads it) or office
 * leadership; only once, and only an adopted post.
 */
export function conversionRefusal(
  viewer: Viewer,
  post: Pick<ForumPostRecord, 'authorStaffId' | 'authorDivisionId'>,
): string | null {
  if (isOfficeLeader(viewer)) return null;
  if (post.authorStaffId === viewer.sub) return null;
  if (viewer.divisionId !== null && viewer.divisionId === post.authorDivisionId) return null;
  return '只有发帖人所在处室或办公厅领导可以将帖子登记为成果';
}

export function conversionConflict(
  post: Pick<ForumPostRecord, 'adoptedAt' | 'achievementId' | 'hidden'>,
): string | null {
  if (post.adoptedAt === null) return '帖子尚未被采纳，不能登记为成果';
  if (post.hidden !== null) return '帖子已被屏蔽，不能登记为成果';
  if (post.achievementId !== null) return '该帖子已登记为成果';
  return null;
}
