import type { Connection } from 'mongoose';
import { achievementModel, achievementVersionModel } from './achievements/achievement.model.js';
import { matterRefModel, workOriginModel } from './lineage/lineage.model.js';
import { useModel } from './reuse/use.model.js';
import { forumModerationModel, forumPostModel, forumTopicModel } from './forum/forum.model.js';
import { directoryModels } from '@heli/directory-read-model';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function achievementModels(conn: Connection) {
  return {
    achievements: achievementModel(conn),
    achievementVersions: achievementVersionModel(conn),
    uses: useModel(conn),
    forumTopics: forumTopicModel(conn),
    forumPosts: forumPostModel(conn),
    forumModeration: forumModerationModel(conn),
    workOrigins: workOriginModel(conn),
    matterRefs: matterRefModel(conn),
    ...directoryModels(conn),
  };
}

export type AchievementModels = ReturnType<typeof achievementModels>;
