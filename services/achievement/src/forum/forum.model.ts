import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

/** A 政务工作论坛 topic on a key or difficult problem (重点难点问题), open for a period. */
export interface ForumTopicRecord {
  _id: string;
  officeId: string;
  title: string;
  description: string;
  /** Bounds every post in the topic: none may be classified above it. */
  classification: Classification;
  /** Divisions the topic asks to contribute; empty: anyone may, nobody must. */
  assignedDivisionIds: string[];
  opensAt: Date;
  closesAt: Date;
  openedByStaffId: string;
  createdAt: Date;
}

/** Why and by whom a post was hidden; kept with the post and in the moderation log. */
export interface ForumHidingRecord {
  reason: string;
  byStaffId: string;
  at: Date;
}

/** A post or a reply (threads: a reply names the post it answers). */
export interface ForumPostRecord {
  _id: string;
  officeId: string;
  topicId: string;
  /** The post this one replies to; null for a thread's first post. */
  parentPostId: string | null;
  authorStaffId: string;
  /** The author's division when they wrote it (null for leadership outside a division). */
  authorDivisionId: string | null;
  body: string;
  classification: Classification;
  /** The topic's classification (fixed when it opens), so one filter decides a post's visibility. */
  topicClassification: Classification;
  createdAt: Date;
  hidden: ForumHidingRecord | null;
  adoptedByStaffId: string | null;
  adoptedAt: Date | null;
  /** The achievement the adopted post was turned into, once it is. */
  achievementId: string | null;
}

/** The moderation audit: one record per action, never changed or removed. */
export interface ForumModerationRecord {
  _id: string;
  postId: string;
  topicId: string;
  action: 'HIDE';
  reason: string;
  byStaffId: string;
  at: Date;
}

const topicSchema = new Schema<ForumTopicRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    assignedDivisionIds: { type: [String], default: [] },
    opensAt: { type: Date, required: true },
    closesAt: { type: Date, required: true },
    openedByStaffId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'forum_topics', versionKey: false },
);
topicSchema.index({ officeId: 1, opensAt: -1 });
topicSchema.index({ assignedDivisionIds: 1, opensAt: 1 });

const hidingSchema = new Schema<ForumHidingRecord>(
  {
    reason: { type: String, required: true },
    byStaffId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const postSchema = new Schema<ForumPostRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    topicId: { type: String, required: true },
    parentPostId: { type: String, default: null },
    authorStaffId: { type: String, required: true },
    authorDivisionId: { type: String, default: null },
    body: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    topicClassification: { type: String, enum: CLASSIFICATIONS, required: true },
    createdAt: { type: Date, required: true },
    hidden: { type: hidingSchema, default: null },
    adoptedByStaffId: { type: String, default: null },
    adoptedAt: { type: Date, default: null },
    achievementId: { type: String, default: null },
  },
  { collection: 'forum_posts', versionKey: false },
);
postSchema.index({ topicId: 1, createdAt: 1 });
postSchema.index({ parentPostId: 1, createdAt: 1 });
postSchema.index({ authorStaffId: 1, createdAt: -1 });
postSchema.index({ authorDivisionId: 1, createdAt: 1 });

const moderationSchema = new Schema<ForumModerationRecord>(
  {
    _id: { type: String, required: true },
    postId: { type: String, required: true },
    topicId: { type: String, required: true },
    action: { type: String, enum: ['HIDE'], required: true },
    reason: { type: String, required: true },
    byStaffId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'forum_moderation', versionKey: false },
);
moderationSchema.index({ postId: 1, at: 1 });

export type ForumTopicModel = Model<ForumTopicRecord>;
export type ForumPostModel = Model<ForumPostRecord>;
export type ForumModerationModel = Model<ForumModerationRecord>;

export function forumTopicModel(conn: Connection): ForumTopicModel {
  return (
    (conn.models['ForumTopic'] as ForumTopicModel | undefined) ??
    conn.model('ForumTopic', topicSchema)
  );
}

export function forumPostModel(conn: Connection): ForumPostModel {
  return (
    (conn.models['ForumPost'] as ForumPostModel | undefined) ?? conn.model('ForumPost', postSchema)
  );
}

export function forumModerationModel(conn: Connection): ForumModerationModel {
  return (
    (conn.models['ForumModeration'] as ForumModerationModel | undefined) ??
    conn.model('ForumModeration', moderationSchema)
  );
}
