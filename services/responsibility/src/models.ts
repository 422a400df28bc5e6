import type { Connection } from 'mongoose';
import { assignmentModel } from './assignments/assignment.model.js';
import { coordinationBodyModel } from './coordination-body/coordination-body.model.js';
import { difficultyModel } from './difficulties/difficulty.model.js';
import { divisionModel } from './divisions/divisions.model.js';
import { dutyModel } from './duties/duty.model.js';
import { officeModel } from './offices/offices.model.js';
import { progressReportModel } from './progress-reports/progress-report.model.js';
import { staffModel } from './staff/staff.model.js';
import { reminderModel } from './supervision/reminder.model.js';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function responsibilityModels(conn: Connection) {
  return {
    offices: officeModel(conn),
    divisions: divisionModel(conn),
    staff: staffModel(conn),
    coordinationBodies: coordinationBodyModel(conn),
    duties: dutyModel(conn),
    assignments: assignmentModel(conn),
    progressReports: progressReportModel(conn),
    reminders: reminderModel(conn),
    difficulties: difficultyModel(conn),
  };
}

export type ResponsibilityModels = ReturnType<typeof responsibilityModels>;
