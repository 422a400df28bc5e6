import { isOfficeLeader } from '@heli/auth';
import { paginate, wantsCount } from '@heli/subgraph-runtime';
import { forumTopicFilter, readsHiddenPost } from '../access/forum-visibility.rules.js';
import type { AchievementResolvers } from '../context.js';
import { writeAchievement } from '../records/achievement-write.js';
import type { Clock } from '../records/clock.js';
import {
  adoptPost,
  hidePost,
  openTopic,
  postToForum,
  registerAchievementFromPost,
} from './forum.commands.js';
import { isTopicOpen } from './forum.rules.js';

const ref = (id: string) => ({ id });

export function forumResolvers(clock: Clock): AchievementResolvers {
  return {
    Query: {
      forumTopic: (_, { id }, ctx) => ctx.loaders.forumTopic.load(id),
      forumPost: (_, { id }, ctx) => ctx.loaders.forumPost.load(id),
      forumTopics: (_, { open, first, after }, ctx, info) => {
        const now = clock.now();
        const when =
          open === true
            ? { opensAt: { $lte: now }, closesAt: { $gt: now } }
            : open === false
              ? { $or: [{ opensAt: { $gt: now } }, { closesAt: { $lte: now } }] }
              : {};
        return paginate(
          ctx.models.forumTopics,
          { $and: [forumTopicFilter(ctx.viewer), when] },
          { first, after, sort: { field: 'opensAt', direction: 'DESC' } },
          info,
        );
      },
    },
    Mutation: {
      openForumTopic: (_, { input }, ctx) =>
        writeAchievement(ctx, (write) => openTopic(write, ctx.viewer, input, clock.now())),
      postToForum: (_, { input }, ctx) =>
        writeAchievement(ctx, (write) => postToForum(write, ctx.viewer, input, clock.now())),
      hideForumPost: (_, { id, reason }, ctx) =>
        writeAchievement(ctx, (write) => hidePost(write, ctx.viewer, { id, reason }, clock.now())),
      adoptForumPost: (_, { id }, ctx) =>
        writeAchievement(ctx, (write) => adoptPost(write, ctx.viewer, id, clock.now())),
      registerAchievementFromPost: (_, { input }, ctx) =>
        writeAchievement(ctx, (write) =>
          registerAchievementFromPost(write, ctx.viewer, input, clock.now()),
        ),
    },
    ForumTopic: {
      __resolveReference: (reference, ctx) => ctx.loaders.forumTopic.load(reference.id),
      id: (topic) => topic._id,
      assignedDivisions: (topic) => topic.assignedDivisionIds.map(ref),
      isOpen: (topic) => isTopicOpen(topic, clock.now()),
      openedBy: (topic) => ref(topic.openedByStaffId),
      threads: async (topic, _, ctx) =>
        (await ctx.loaders.postsOfTopic.load(topic._id)).filter((p) => p.parentPostId === null),
      postCount: async (topic, _, ctx) => (await ctx.loaders.postsOfTopic.load(topic._id)).length,
    },
    ForumPost: {
      __resolveReference: (reference, ctx) => ctx.loaders.forumPost.load(reference.id),
      id: (post) => post._id,
      // A visible post's topic is visible: the post filter requires the topic's level too.
      topic: async (post, _, ctx) => (await ctx.loaders.forumTopic.load(post.topicId))!,
      parent: (post, _, ctx) =>
        post.parentPostId ? ctx.loaders.forumPost.load(post.parentPostId) : null,
      replies: (post, _, ctx) => ctx.loaders.repliesTo.load(post._id),
      author: (post) => ref(post.authorStaffId),
      authorDivision: (post) => (post.authorDivisionId ? ref(post.authorDivisionId) : null),
      body: (post, _, ctx) =>
        post.hidden === null || readsHiddenPost(ctx.viewer, post) ? post.body : null,
      moderation: (post, _, ctx) =>
        isOfficeLeader(ctx.viewer) ? ctx.loaders.moderationOf.load(post._id) : [],
      adopted: (post) => post.adoptedAt !== null,
      adoptedBy: (post) => (post.adoptedByStaffId ? ref(post.adoptedByStaffId) : null),
      achievement: (post, _, ctx) =>
        post.achievementId ? ctx.loaders.achievement.load(post.achievementId) : null,
    },
    ForumHiding: {
      by: (hiding, _, ctx) => (isOfficeLeader(ctx.viewer) ? ref(hiding.byStaffId) : null),
    },
    ForumModeration: {
      by: (moderation) => ref(moderation.byStaffId),
    },
    Staff: {
      forumPosts: (staff, { first, after }, ctx, info) =>
        ctx.loaders.staffForumPostPages.load({
          key: staff.id,
          first,
          after,
          countTotal: wantsCount(info),
        }),
    },
    Division: {
      forumParticipation: (division, { period }, ctx) =>
        ctx.loaders.forumParticipation(period).load(division.id),
    },
  };
}
