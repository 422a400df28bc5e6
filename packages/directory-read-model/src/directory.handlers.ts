import { on } from '@heli/event-bus';
import { responsibilityEvents } from '@heli/event-contracts';
import type { EventSubscription } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { DirectoryModels } from './directory.model.js';

type DivisionData = {
  divisionId: string;
  officeId: string;
  name: string;
  kind: 'DIVISION' | 'SECRETARIAT';
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

/**
 * Keeps a subgraph's directory in step with responsibility, on the subgraph's own durable consumer
 * (`consumerName`, e.g. `sharing-directory`; keep it stable, it is where progress is remembered).
 * Each handler overwrites the whole record with the event's state (created and updated events
 * carry all of it), so running one twice, or an older one after a newer replay, converges on the
 * same record.
 */
export function directorySubscription(
  consumerName: string,
  models: DirectoryModels,
): EventSubscription {
  const putDivision = async (
    { divisionId, officeId, name, kind, headStaffId }: DivisionData,
    session: ClientSession,
  ) => {
    await models.directoryDivisions.updateOne(
      { _id: divisionId },
      { $set: { officeId, name, kind, headStaffId } },
      { upsert: true, session },
    );
  };
  const putStaff = async (
    { staffId, officeId, divisionId, name, clearance, active }: StaffData,
    session: ClientSession,
  ) => {
    await models.directoryStaff.updateOne(
      { _id: staffId },
      { $set: { officeId, divisionId, name, clearance, active } },
      { upsert: true, session },
    );
  };
  return {
    consumerName,
    handlers: {
      ...on(responsibilityEvents.divisionCreated, ({ data }, { session }) =>
        putDivision(data, session),
      ),
      ...on(responsibilityEvents.divisionUpdated, ({ data }, { session }) =>
        putDivision(data, session),
      ),
      ...on(responsibilityEvents.staffCreated, ({ data }, { session }) => putStaff(data, session)),
      ...on(responsibilityEvents.staffUpdated, ({ data }, { session }) => putStaff(data, session)),
    },
  };
}
