import { resolverTypesConfig } from '@heli/subgraph-runtime/codegen';

/**
 * What each type's field resolvers receive as parent; `src/mapped-types.test.ts` checks the
 * fields left to the default resolver. Responsibility's and sharing's entities are only an id here.
 */
export const mappers = {
  Division: '../records/entity-ref.js#EntityRef',
  Staff: '../records/entity-ref.js#EntityRef',
  Document: '../records/entity-ref.js#EntityRef',
  Assignment: '../records/entity-ref.js#EntityRef',
  Achievement: '../achievements/achievement.model.js#AchievementRecord',
  AchievementVersion: '../achievements/achievement.model.js#AchievementVersionRecord',
  AchievementOrigin: '../achievements/achievement.model.js#OriginRef',
  AchievementUse: '../reuse/use.model.js#UseRecord',
  ForumTopic: '../forum/forum.model.js#ForumTopicRecord',
  ForumPost: '../forum/forum.model.js#ForumPostRecord',
  ForumHiding: '../forum/forum.model.js#ForumHidingRecord',
  ForumModeration: '../forum/forum.model.js#ForumModerationRecord',
  MeetingDecision: '../records/entity-ref.js#EntityRef',
  ResearchTopic: '../records/entity-ref.js#EntityRef',
  Lineage: '../lineage/lineage-view.js#LineageView',
  LineageOrigin: '../lineage/lineage.model.js#WorkOriginRecord',
  LineageMatter: '../lineage/lineage.model.js#MatterRefRecord',
};

// Annotated so the declaration names the type through the runtime, not through graphql-codegen's
// own packages, which this service does not depend on (TS2742).
const config: ReturnType<typeof resolverTypesConfig> = resolverTypesConfig({
  contextType: 'AchievementContext',
  mappers,
});

export default config;
