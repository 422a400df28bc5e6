import {
  byIdLoader,
  groupedLoader,
  groupedPageLoader,
  type LoaderScope,
} from '@heli/subgraph-runtime';
import { forumPostFilter, forumTopicFilter } from './access/forum-visibility.rules.js';
import { achievementVisibilityFilter } from './access/visibility.rules.js';
import type { ForumModerationRecord, ForumPostRecord } from './forum/forum.model.js';
import type { AchievementRecord } from './achievements/achievement.model.js';
import type { AchievementModels } from './models.js';
import { forumParticipationLoaders } from './forum/forum-participation.js';
import { lineageLoader } from './lineage/lineage-loader.js';
import { confirmedUsesLoaders } from './reuse/reuse-summaries.js';
import type { UseRecord } from './reuse/use.model.js';

/** Per-request DataLoaders: every lookup by id, `__resolveReference` included, batches here. */
export function createAchievementLoaders({ models, viewer }: LoaderScope<AchievementModels>) {
  const visible = achievementVisibilityFilter(viewer);
  const visiblePosts = forumPostFilter(viewer);
  const inWrittenOrder = { createdAt: 1, _id: 1 } as const;
  const newestFirst = { field: 'createdAt', direction: 'DESC' } as const;
  return {
    /** A page of each division's achievements (`Division.achievements`): one aggregation. */
    divisionAchievementPages: groupedPageLoader(
      models.achievements,
      'divisionIds',
      visible,
      newestFirst,
    ),
    /** A page of each person's forum posts (`Staff.forumPosts`): one aggregation. */
    staffForumPostPages: groupedPageLoader(
      models.forumPosts,
      'authorStaffId',
      visiblePosts,
      newestFirst,
    ),
    /** Achievements by id, null for those the viewer may not see: the only way to load one by id. */
    achievement: byIdLoader(models.achievements, { filter: visible }),
    /** Visible achievements registered from a piece of work (a matter, a research topic…). */
    achievementsFromOrigin: groupedLoader<AchievementRecord>(models.achievements, 'origin.id', {
      keysOf: (a) => (a.origin ? [a.origin.id] : []),
      filter: visible,
      sort: inWrittenOrder,
    }),
    /** Lineages by decision, instruction or matter id (`MeetingDecision.lineage`, `lineage`). */
    lineage: lineageLoader(models, viewer),
    use: byIdLoader(models.uses),
    /** Uses of an achievement; only asked for an achievement already loaded as visible. */
    usesOfAchievement: groupedLoader(models.uses, 'achievementId', {
      sort: { claimedAt: 1, _id: 1 },
    }),
    /** `Division.reuseGiven` / `reuseReceived`: a period's confirmed uses of many divisions. */
    confirmedUses: confirmedUsesLoaders(models),
    /** Claims waiting for the providing division's decision, oldest first. */
    usesAwaitingDecision: groupedLoader<UseRecord>(models.uses, 'providerDivisionId', {
      filter: { status: 'CLAIMED' },
      sort: { claimedAt: 1, _id: 1 },
    }),
    /** `Division.forumParticipation` of many divisions, per period. */
    forumParticipation: forumParticipationLoaders(models, viewer),
    versions: groupedLoader(models.achievementVersions, 'achievementId', { sort: { version: 1 } }),
    /** Forum topics and posts by id, null for those above the viewer's clearance. */
    forumTopic: byIdLoader(models.forumTopics, { filter: forumTopicFilter(viewer) }),
    forumPost: byIdLoader(models.forumPosts, { filter: visiblePosts }),
    postsOfTopic: groupedLoader<ForumPostRecord>(models.forumPosts, 'topicId', {
      filter: visiblePosts,
      sort: inWrittenOrder,
    }),
    repliesTo: groupedLoader<ForumPostRecord>(models.forumPosts, 'parentPostId', {
      filter: visiblePosts,
      sort: inWrittenOrder,
    }),
    /** Moderation of posts; only asked for posts already loaded as visible. */
    moderationOf: groupedLoader<ForumModerationRecord>(models.forumModeration, 'postId', {
      sort: { at: 1, _id: 1 },
    }),
  };
}

export type AchievementLoaders = ReturnType<typeof createAchievementLoaders>;
