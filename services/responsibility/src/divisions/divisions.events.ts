import type { EventData, responsibilityEvents } from '@heli/event-contracts';
import type { DivisionRecord } from './divisions.model.js';

type DivisionEventData = EventData<typeof responsibilityEvents.divisionCreated>;

/** The division as other contexts learn about it. */
export function divisionEventData(division: DivisionRecord): DivisionEventData {
  return {
    divisionId: division._id,
    officeId: division.officeId,
    name: division.name,
    kind: division.kind,
    headStaffId: division.headId,
  };
}
