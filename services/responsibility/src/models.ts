import type { Connection } from 'mongoose';
import { coordinationBodyModel } from './coordination-body/coordination-body.model.js';
import { divisionModel } from './divisions/divisions.model.js';
import { officeModel } from './offices/offices.model.js';
import { staffModel } from './staff/staff.model.js';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function responsibilityModels(conn: Connection) {
  return {
    offices: officeModel(conn),
    divisions: divisionModel(conn),
    staff: staffModel(conn),
    coordinationBodies: coordinationBodyModel(conn),
  };
}

export type ResponsibilityModels = ReturnType<typeof responsibilityModels>;
