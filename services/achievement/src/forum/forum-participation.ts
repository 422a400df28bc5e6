import DataLoader from 'dataloader';
import type { HeliClaims } from '@heli/auth';
import { forumPostFilter, forumTopicFilter } from '../access/forum-visibility.rules.js';
import { periodRange } from '@heli/office-periods';
import type { AchievementModels } from '../models.js';
import type { ForumPostRecord, ForumTopicRecord } from './forum.model.js';

export interface ForumParticipation {
  period: string;
  assignedTopics: number;
  assignedTopicsContributed: number;
  postsInAssignedTopics: number;
  posts: number;
  adoptedPosts: number;
}

type CountedPost = Pick<
  ForumPostRecord,
  'topicId' | 'authorDivisionId' | 'createdAt' | 'adoptedAt'
>;

/**
 * Divisions' part in the forum in a period, over what the caller may see: topics count by when
 * they opened, posts by when they were written, adoptions by when they were made. Hidden posts do
 * not count as taking part. Per request and period, the divisions asked for together (a list of
 * divisions) cost two queries: their assigned topics, then their posts that count.
 */
export function forumParticipationLoaders(models: AchievementModels, viewer: HeliClaims) {
  const loaders = new Map<string, DataLoader<string, ForumParticipation>>();
  return (period: string) => {
    let loader = loaders.get(period);
    if (!loader) {
      loader = new DataLoader((divisionIds) => participation(models, viewer, period, divisionIds));
      loaders.set(period, loader);
    }
    return loader;
  };
}

async function participation(
  models: AchievementModels,
  viewer: HeliClaims,
  period: string,
  divisionIds: readonly string[],
): Promise<ForumParticipation[]> {
  const { from, to } = periodRange(period);
  const inPeriod = { $gte: from, $lt: to };
  const topics = await models.forumTopics
    .find(
      {
        $and: [
          forumTopicFilter(viewer),
          { assignedDivisionIds: { $in: [...divisionIds] }, opensAt: inPeriod },
        ],
      },
      { assignedDivisionIds: 1 },
    )
    .lean<Pick<ForumTopicRecord, '_id' | 'assignedDivisionIds'>[]>();
  const posts = await models.forumPosts
    .find(
      {
        $and: [
          forumPostFilter(viewer),
          { authorDivisionId: { $in: [...divisionIds] }, hidden: null },
          {
            $or: [
              { topicId: { $in: topics.map((topic) => topic._id) } },
              { createdAt: inPeriod },
              { adoptedAt: inPeriod },
            ],
          },
        ],
      },
      { topicId: 1, authorDivisionId: 1, createdAt: 1, adoptedAt: 1 },
    )
    .lean<CountedPost[]>();
  const within = (at: Date | null) => at !== null && at >= from && at < to;
  return divisionIds.map((divisionId) => {
    const assigned = new Set(
      topics
        .filter((topic) => topic.assignedDivisionIds.includes(divisionId))
        .map((topic) => topic._id),
    );
    const own = posts.filter((post) => post.authorDivisionId === divisionId);
    const inAssigned = own.filter((post) => assigned.has(post.topicId));
    return {
      period,
      assignedTopics: assigned.size,
      assignedTopicsContributed: new Set(inAssigned.map((post) => post.topicId)).size,
      postsInAssignedTopics: inAssigned.length,
      posts: own.filter((post) => within(post.createdAt)).length,
      adoptedPosts: own.filter((post) => within(post.adoptedAt)).length,
    };
  });
}
