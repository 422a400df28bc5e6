import type { Connection } from 'mongoose';
import { decisionModel, meetingModel } from './meetings/meeting.model.js';
import { caseModel, stepModel, templateModel } from './workflows/workflow.model.js';
import { directoryDivisionModel, directoryStaffModel } from './organisation/directory.model.js';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function interactionModels(conn: Connection) {
  return {
    meetings: meetingModel(conn),
    decisions: decisionModel(conn),
    templates: templateModel(conn),
    cases: caseModel(conn),
    steps: stepModel(conn),
    directoryDivisions: directoryDivisionModel(conn),
    directoryStaff: directoryStaffModel(conn),
  };
}

export type InteractionModels = ReturnType<typeof interactionModels>;
