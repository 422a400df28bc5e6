import type { EventData, responsibilityEvents } from '@heli/event-contracts';
import type { StaffRecord } from './staff.model.js';

type StaffEventData = EventData<typeof responsibilityEvents.staffCreated>;

/** The staff member as other contexts learn about them; the phone number stays here. */
export function staffEventData(staff: StaffRecord): StaffEventData {
  return {
    staffId: staff._id,
    officeId: staff.officeId,
    divisionId: staff.divisionId,
    name: staff.name,
    title: staff.title,
    roles: staff.roles,
    clearance: staff.clearance,
    active: staff.active,
  };
}
