import { on } from '@heli/event-bus';
import { responsibilityEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { SharingModels } from '../models.js';

/**
 * Keeps the directory in step with responsibility. Each handler overwrites the whole record with
 * the event's state (created and updated events carry all of it), so running one twice, or an
 * older one after a newer replay, converges on the same record.
 */
export function directorySubscription({
  models,
}: SubgraphRuntime<SharingModels>): EventSubscription {
  const putDivision = async (
    data: {
      divisionId: string;
      officeId: string;
      name: string;
      kind: 'DIVISION' | 'SECRETARIAT';
      headStaffId: string | null;
    },
    session: ClientSession,
  ) => {
    const { divisionId, officeId, name, kind, headStaffId } = data;
    await models.directoryDivisions.updateOne(
      { _id: divisionId },
      { $set: { officeId, name, kind, headStaffId } },
      { upsert: true, session },
    );
  };
  const putStaff = async (
    data: {
      staffId: string;
      officeId: string;
      divisionId: string | null;
      name: string;
      clearance: string;
      active: boolean;
    },
    session: ClientSession,
  ) => {
    const { staffId, officeId, divisionId, name, clearance, active } = data;
    await models.directoryStaff.updateOne(
      { _id: staffId },
      { $set: { officeId, divisionId, name, clearance, active } },
      { upsert: true, session },
    );
  };
  return {
    consumerName: 'sharing-directory',
    handlers: {
      ...on(responsibilityEvents.divisionCreated, (event, { session }) =>
        putDivision(event.data, session),
      ),
      ...on(responsibilityEvents.divisionUpdated, (event, { session }) =>
        putDivision(event.data, session),
      ),
      ...on(responsibilityEvents.staffCreated, (event, { session }) =>
        putStaff(event.data, session),
      ),
      ...on(responsibilityEvents.staffUpdated, (event, { session }) =>
        putStaff(event.data, session),
      ),
    },
  };
}
