import type { Connection } from 'mongoose';
import { achievementModel, achievementVersionModel } from './achievements/achievement.model.js';
import { directoryDivisionModel, directoryStaffModel } from './directory/directory.model.js';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function achievementModels(conn: Connection) {
  return {
    achievements: achievementModel(conn),
    achievementVersions: achievementVersionModel(conn),
    directoryDivisions: directoryDivisionModel(conn),
    directoryStaff: directoryStaffModel(conn),
  };
}

export type AchievementModels = ReturnType<typeof achievementModels>;
