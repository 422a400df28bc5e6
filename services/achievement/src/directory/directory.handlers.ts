import { on } from '@heli/event-bus';
import { responsibilityEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { AchievementModels } from '../models.js';

export const DIRECTORY_CONSUMER = 'achievement-directory';

/**
 * Keeps the directory in step with responsibility. Each handler overwrites the whole record with
 * the event's state (created and updated events carry all of it), so running one twice, or an
 * older one after a newer replay, converges on the same record.
 */
export function directorySubscription({
  models,
}: SubgraphRuntime<AchievementModels>): EventSubscription {
  type DivisionData = {
    divisionId: string;
    officeId: string;
    name: string;
    headStaffId: string | null;
  };
  type StaffData = {
    staffId: string;
    officeId: string;
    divisionId: string | null;
    name: string;
    clearance: string;
    active: boolean;
  };
  const putDivision = (
    { divisionId, officeId, name, headStaffId }: DivisionData,
    session: ClientSession,
  ) =>
    models.directoryDivisions.updateOne(
      { _id: divisionId },
      { $set: { officeId, name, headStaffId } },
      { upsert: true, session },
    );
  const putStaff = (
    { staffId, officeId, divisionId, name, clearance, active }: StaffData,
    session: ClientSession,
  ) =>
    models.directoryStaff.updateOne(
      { _id: staffId },
      { $set: { officeId, divisionId, name, clearance, active } },
      { upsert: true, session },
    );
  return {
    consumerName: DIRECTORY_CONSUMER,
    handlers: {
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
    },
  };
}
