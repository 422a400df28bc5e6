import type { Classification, HeliClaims } from '@heli/auth';
import { achievementEvents } from '@heli/event-contracts';
import { conflict, forbidden, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { forumPostFilter, forumTopicFilter } from '../access/forum-visibility.rules.js';
import type { AchievementKind, AchievementRecord } from '../achievements/achievement.model.js';
import { registerAchievement } from '../achievements/achievements.commands.js';
import { namedDivisionProblems } from '../achievements/achievements.rules.js';
import type { AchievementWrite } from '../records/achievement-write.js';
import { newEntityId } from '../records/entity-id.js';
import type { ForumPostRecord, ForumTopicRecord } from './forum.model.js';
import {
  adoptionConflict,
  adoptionRefusal,
  conversionConflict,
  conversionRefusal,
  hidingProblems,
  moderationRefusal,
  postProblems,
  postRefusal,
  topicOpeningRefusal,
  topicProblems,
} from './forum.rules.js';

export interface OpenTopicInput {
  title: string;
  description: string;
  classification: Classification;
  assignedDivisionIds: readonly string[];
  opensAt?: Date | null;
  closesAt: Date;
}

/** Office leadership opens a topic for a period; announced so divisions see what is asked of them. */
export async function openTopic(
  write: AchievementWrite,
  viewer: HeliClaims,
  input: OpenTopicInput,
  now: Date,
): Promise<ForumTopicRecord> {
  const refusal = topicOpeningRefusal(viewer, input.classification);
  if (refusal) throw forbidden(refusal);
  const opensAt = input.opensAt ?? now;
  rejectProblems(topicProblems({ ...input, opensAt }, now));
  const divisions = await write.models.directoryDivisions
    .find({ _id: { $in: [...input.assignedDivisionIds] } })
    .session(write.session)
    .lean();
  rejectProblems(
    namedDivisionProblems(
      input.assignedDivisionIds,
      new Map(divisions.map((d) => [d._id, d])),
      viewer.officeId,
    ),
  );
  const topic: ForumTopicRecord = {
    _id: newEntityId('topic'),
    officeId: viewer.officeId,
    title: input.title.trim(),
    description: input.description.trim(),
    classification: input.classification,
    assignedDivisionIds: [...input.assignedDivisionIds],
    opensAt,
    closesAt: input.closesAt,
    openedByStaffId: viewer.sub,
    createdAt: now,
  };
  await write.models.forumTopics.create([topic], { session: write.session });
  await write.emit(
    achievementEvents.forumTopicOpened,
    {
      topicId: topic._id,
      title: topic.title,
      classification: topic.classification,
      assignedDivisionIds: topic.assignedDivisionIds,
      opensAt: opensAt.toISOString(),
      closesAt: topic.closesAt.toISOString(),
      openedByStaffId: viewer.sub,
    },
    { subject: topic._id },
  );
  return topic;
}

/** A topic the viewer may see, or NOT_FOUND — the same answer for missing and above clearance. */
async function visibleTopic(write: AchievementWrite, viewer: HeliClaims, id: string) {
  const topic = await write.models.forumTopics
    .findOne({ $and: [{ _id: id }, forumTopicFilter(viewer)] })
    .session(write.session)
    .lean<ForumTopicRecord>();
  if (!topic) throw notFound(`论坛议题 ${id}`);
  return topic;
}

/** A post the viewer may see, or NOT_FOUND. */
async function visiblePost(write: AchievementWrite, viewer: HeliClaims, id: string) {
  const post = await write.models.forumPosts
    .findOne({ $and: [{ _id: id }, forumPostFilter(viewer)] })
    .session(write.session)
    .lean<ForumPostRecord>();
  if (!post) throw notFound(`论坛帖子 ${id}`);
  return post;
}

export interface PostInput {
  topicId: string;
  parentPostId?: string | null;
  body: string;
  classification: Classification;
}

/** A staff member posts in an open topic, or replies to a post in it. */
export async function postToForum(
  write: AchievementWrite,
  viewer: HeliClaims,
  input: PostInput,
  now: Date,
): Promise<ForumPostRecord> {
  const topic = await visibleTopic(write, viewer, input.topicId);
  const refusal = postRefusal(viewer, topic, now);
  if (refusal) throw forbidden(refusal);
  const parent = input.parentPostId ? await visiblePost(write, viewer, input.parentPostId) : null;
  rejectProblems(postProblems(input, topic, viewer.clearance, parent));
  const post: ForumPostRecord = {
    _id: newEntityId('post'),
    officeId: viewer.officeId,
    topicId: topic._id,
    parentPostId: parent?._id ?? null,
    authorStaffId: viewer.sub,
    authorDivisionId: viewer.divisionId,
    body: input.body.trim(),
    classification: input.classification,
    topicClassification: topic.classification,
    createdAt: now,
    hidden: null,
    adoptedByStaffId: null,
    adoptedAt: null,
    achievementId: null,
  };
  await write.models.forumPosts.create([post], { session: write.session });
  return post;
}

/**
 * Leadership hides a post, with a reason. The post stays (replies keep their context) and the
 * action is kept in the moderation log; hiding is conditional, so it happens once.
 */
export async function hidePost(
  write: AchievementWrite,
  viewer: HeliClaims,
  input: { id: string; reason: string },
  now: Date,
): Promise<ForumPostRecord> {
  const post = await visiblePost(write, viewer, input.id);
  const refusal = moderationRefusal(viewer);
  if (refusal) throw forbidden(refusal);
  rejectProblems(hidingProblems(input.reason));
  const hiding = { reason: input.reason.trim(), byStaffId: viewer.sub, at: now };
  const hidden = await write.models.forumPosts
    .findOneAndUpdate(
      { _id: post._id, hidden: null },
      { $set: { hidden: hiding } },
      { session: write.session, new: true },
    )
    .lean<ForumPostRecord>();
  if (!hidden) throw conflict('帖子已被屏蔽');
  await write.models.forumModeration.create(
    [
      {
        _id: newEntityId('moderation'),
        postId: post._id,
        topicId: post.topicId,
        action: 'HIDE',
        ...hiding,
      },
    ],
    { session: write.session },
  );
  return hidden;
}

/** Leadership adopts (采纳) a post, once; announced so assessment scores the author's division. */
export async function adoptPost(
  write: AchievementWrite,
  viewer: HeliClaims,
  id: string,
  now: Date,
): Promise<ForumPostRecord> {
  const post = await visiblePost(write, viewer, id);
  const refusal = adoptionRefusal(viewer);
  if (refusal) throw forbidden(refusal);
  const already = adoptionConflict(post);
  if (already) throw conflict(already);
  const adopted = await write.models.forumPosts
    .findOneAndUpdate(
      { _id: post._id, adoptedAt: null, hidden: null },
      { $set: { adoptedAt: now, adoptedByStaffId: viewer.sub } },
      { session: write.session, new: true },
    )
    .lean<ForumPostRecord>();
  if (!adopted) throw conflict('该帖子已被采纳或屏蔽');
  const topic = await write.models.forumTopics
    .findById(post.topicId)
    .session(write.session)
    .lean<ForumTopicRecord>();
  await write.emit(
    achievementEvents.forumPostAdopted,
    {
      postId: adopted._id,
      topicId: adopted.topicId,
      authorStaffId: adopted.authorStaffId,
      authorDivisionId: adopted.authorDivisionId,
      assignedTopic:
        adopted.authorDivisionId !== null &&
        (topic?.assignedDivisionIds.includes(adopted.authorDivisionId) ?? false),
      adoptedByStaffId: viewer.sub,
      adoptedAt: now.toISOString(),
    },
    { subject: adopted._id },
  );
  return adopted;
}

export interface RegisterFromPostInput {
  postId: string;
  kind: AchievementKind;
  title: string;
  summary: string;
  keywords: readonly string[];
  coAuthorStaffIds: readonly string[];
}

/** One achievement per post, whoever asks twice. */
export const achievementIdOfPost = (postId: string) => `achievement-from-${postId}`;

/**
 * An adopted post becomes an achievement led by its author's division, with its author (and any
 * co-authors named), at the post's classification and with the post as its origin. Registered as
 * any achievement is, so it is catalogued and scored as providing an output.
 */
export async function registerAchievementFromPost(
  write: AchievementWrite,
  viewer: HeliClaims,
  input: RegisterFromPostInput,
  now: Date,
): Promise<AchievementRecord> {
  const post = await visiblePost(write, viewer, input.postId);
  const refusal = conversionRefusal(viewer, post);
  if (refusal) throw forbidden(refusal);
  const already = conversionConflict(post);
  if (already) throw conflict(already);
  if (post.authorDivisionId === null) throw forbidden('发帖人不属于任何处室，不能登记为处室成果');
  const converted = await write.models.forumPosts.updateOne(
    { _id: post._id, achievementId: null },
    { $set: { achievementId: achievementIdOfPost(post._id) } },
    { session: write.session },
  );
  if (converted.modifiedCount !== 1) throw conflict('该帖子已登记为成果');
  return registerAchievement(
    write,
    viewer,
    {
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      body: post.body,
      keywords: input.keywords,
      classification: post.classification,
      restrictedToDivisionIds: [],
      leadDivisionId: post.authorDivisionId,
      coDivisionIds: [],
      authorStaffIds: [post.authorStaffId, ...input.coAuthorStaffIds],
      origin: { kind: 'FORUM_POST', id: post._id },
    },
    now,
    achievementIdOfPost(post._id),
  );
}
