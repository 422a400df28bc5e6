import type { AchievementContext } from '../context.js';
import { forumPostFilter, forumTopicFilter } from '../access/forum-visibility.rules.js';
import { periodRange } from '@heli/office-periods';

/**
 * A division's part in the forum in a period, over what the caller may see: topics count by when
 * they opened, posts by when they were written, adoptions by when they were made. Hidden posts do
 * not count as taking part. Five counting queries, whatever the forum's size.
 */
export async function forumParticipation(
  ctx: AchievementContext,
  divisionId: string,
  period: string,
) {
  const { from, to } = periodRange(period);
  const posts = {
    $and: [forumPostFilter(ctx.viewer), { authorDivisionId: divisionId, hidden: null }],
  };
  const assigned = await ctx.models.forumTopics.distinct('_id', {
    $and: [
      forumTopicFilter(ctx.viewer),
      { assignedDivisionIds: divisionId, opensAt: { $gte: from, $lt: to } },
    ],
  });
  const [contributed, postsInAssignedTopics, written, adoptedPosts] = await Promise.all([
    ctx.models.forumPosts.distinct('topicId', { $and: [posts, { topicId: { $in: assigned } }] }),
    ctx.models.forumPosts.countDocuments({ $and: [posts, { topicId: { $in: assigned } }] }),
    ctx.models.forumPosts.countDocuments({ $and: [posts, { createdAt: { $gte: from, $lt: to } }] }),
    ctx.models.forumPosts.countDocuments({ $and: [posts, { adoptedAt: { $gte: from, $lt: to } }] }),
  ]);
  return {
    period,
    assignedTopics: assigned.length,
    assignedTopicsContributed: contributed.length,
    postsInAssignedTopics,
    posts: written,
    adoptedPosts,
  };
}
