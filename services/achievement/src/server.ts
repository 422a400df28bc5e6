import { defineSubgraph, loadSdl } from '@heli/subgraph-runtime';
import { achievementsResolvers } from './achievements/achievements.resolvers.js';
import { commonResolvers } from './common/common.resolvers.js';
import { currentViewer } from './directory/current-viewer.js';
import { loadDemoAchievementsWhenDirectoryReady } from './demo/load-demo-achievements.js';
import { directorySubscription } from '@heli/directory-read-model';
import { forumResolvers } from './forum/forum.resolvers.js';
import { lineageResolvers } from './lineage/lineage.resolvers.js';
import { lineageSubscription } from './lineage/lineage.handlers.js';
import { reuseResolvers } from './reuse/reuse.resolvers.js';
import { createAchievementLoaders } from './loaders.js';
import { achievementModels } from './models.js';
import { systemClock, type Clock } from './records/clock.js';

const sdl = (path: string) => loadSdl(new URL(path, import.meta.url));

export interface AchievementSubgraphOptions {
  /** Load the demo achievements, uses and forum once the subgraph listens. */
  loadDemoData: boolean;
  /** Where commands read the time; tests pass a fixed clock. */
  clock?: Clock;
}

/**
 * The achievement subgraph (链接四: 成果共用): outputs with versions, their reuse (借鉴/应用/转化)
 * confirmed by the providing division, the 政务工作论坛, and the lineage from a decision to the
 * scores its outputs earned. Extends `Division`, `Staff` and `Assignment`.
 */
export function createAchievementSubgraph({
  loadDemoData,
  clock = systemClock,
}: AchievementSubgraphOptions) {
  return defineSubgraph({
    name: 'achievement',
    typeDefs: [
      sdl('./common/common.graphql'),
      sdl('./directory/directory.graphql'),
      sdl('./achievements/achievements.graphql'),
      sdl('./reuse/reuse.graphql'),
      sdl('./forum/forum.graphql'),
      sdl('./lineage/lineage.graphql'),
    ],
    resolvers: [
      commonResolvers,
      achievementsResolvers(clock),
      reuseResolvers(clock),
      forumResolvers(clock),
      lineageResolvers,
    ],
    models: achievementModels,
    createLoaders: createAchievementLoaders,
    currentViewer,
    eventHandlers: (runtime) => [
      directorySubscription('achievement-directory', runtime.models),
      lineageSubscription(runtime),
    ],
    async onReady(runtime) {
      await Promise.all(Object.values(runtime.models).map((model) => model.init()));
      if (loadDemoData) {
        loadDemoAchievementsWhenDirectoryReady(
          runtime,
          () => clock.now(),
          (outcome) =>
            outcome instanceof Error
              ? runtime.logger.warn({ err: outcome }, 'demo achievement data not loaded')
              : runtime.logger.info({ loaded: outcome }, 'demo achievement data'),
        );
      }
    },
  });
}

export type { AchievementModels } from './models.js';
export { systemClock, type Clock } from './records/clock.js';
