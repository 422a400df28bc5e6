import type { Connection } from 'mongoose';
import { directoryDivisionModel, directoryStaffModel } from './directory/directory.model.js';
import { notificationModel } from './notifications/notification.model.js';
import { savedQueryModel } from './saved-queries/saved-query.model.js';
import { subjectModel } from './subjects/subject.model.js';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function notificationsModels(conn: Connection) {
  return {
    notifications: notificationModel(conn),
    subjects: subjectModel(conn),
    directoryDivisions: directoryDivisionModel(conn),
    directoryStaff: directoryStaffModel(conn),
    savedQueries: savedQueryModel(conn),
  };
}

export type NotificationsModels = ReturnType<typeof notificationsModels>;
