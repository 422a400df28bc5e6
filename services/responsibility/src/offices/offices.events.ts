import type { EventData, responsibilityEvents } from '@heli/event-contracts';
import type { OfficeRecord } from './offices.model.js';

type OfficeEventData = EventData<typeof responsibilityEvents.officeCreated>;

/** The office as other contexts learn about it. */
export function officeEventData(office: OfficeRecord): OfficeEventData {
  return { officeId: office._id, name: office.name, kind: office.kind };
}
