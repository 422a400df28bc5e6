import { on } from '@heli/event-bus';
import { responsibilityEvents } from '@heli/event-contracts';
import type { ClientSession } from 'mongoose';
import type { NotificationsModels } from '../models.js';

/**
 * Keeps the directory in step with responsibility. Created and updated events carry the whole
 * entity, so each handler overwrites the record: running one twice converges on the same record.
 */
export function directoryHandlers(models: NotificationsModels) {
  const putDivision = (
    data: { divisionId: string; headStaffId: string | null },
    session: ClientSession,
  ) =>
    models.directoryDivisions.updateOne(
      { _id: data.divisionId },
      { $set: { headStaffId: data.headStaffId } },
      { upsert: true, session },
    );
  const putStaff = (
    data: { staffId: string; divisionId: string | null; active: boolean },
    session: ClientSession,
  ) =>
    models.directoryStaff.updateOne(
      { _id: data.staffId },
      { $set: { divisionId: data.divisionId, active: data.active } },
      { upsert: true, session },
    );
  return {
    ...on(responsibilityEvents.divisionCreated, async (event, { session }) => {
      await putDivision(event.data, session);
    }),
    ...on(responsibilityEvents.divisionUpdated, async (event, { session }) => {
      await putDivision(event.data, session);
    }),
    ...on(responsibilityEvents.staffCreated, async (event, { session }) => {
      await putStaff(event.data, session);
    }),
    ...on(responsibilityEvents.staffUpdated, async (event, { session }) => {
      await putStaff(event.data, session);
    }),
  };
}
