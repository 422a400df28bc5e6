import { demoCoordinationBody, demoDivisions, demoOffices, demoStaff } from '@heli/demo-data';
import type { Outbox } from '@heli/subgraph-runtime';
import { setCoordinationBody } from '../coordination-body/coordination-body.commands.js';
import { COORDINATION_BODY_ID } from '../coordination-body/coordination-body.rules.js';
import { createDivision, updateDivision } from '../divisions/divisions.commands.js';
import type { ResponsibilityModels } from '../models.js';
import { createOffice } from '../offices/offices.commands.js';
import { writeOrganisation, type OrganisationWrite } from '../organisation/organisation-write.js';
import { createStaff } from '../staff/staff.commands.js';
import { parentsFirst } from './parents-first.js';

/** How many demo records this load created; all zero (and false) when it was there already. */
export interface DemoLoadSummary {
  offices: number;
  divisions: number;
  staff: number;
  coordinationBody: boolean;
}

/**
 * Loads the demo organisation (the Harbin office, `@heli/demo-data`) through the same commands
 * the admin mutations use, so it obeys the same rules and emits the same events. Records that
 * exist already are left as they are — including any change an administrator made to them — so
 * loading again, or on every start, changes nothing. It is one transaction: a load that fails
 * half-way leaves nothing behind, and two replicas loading at once cannot both create a record.
 */
export function loadDemoOrganisation(scope: {
  models: ResponsibilityModels;
  outbox: Outbox;
}): Promise<DemoLoadSummary> {
  return writeOrganisation(scope, async (write) => {
    const offices = await loadOffices(write);
    const divisions = await loadDivisions(write);
    const staff = await loadStaff(write);
    await appointHeads(write, divisions);
    const coordinationBody = await loadCoordinationBody(write);
    return { offices, divisions: divisions.length, staff, coordinationBody };
  });
}

async function loadOffices(write: OrganisationWrite): Promise<number> {
  const existing = idsOf(
    await write.models.offices.find({}, { _id: 1 }).session(write.session).lean(),
  );
  let created = 0;
  for (const office of parentsFirst(demoOffices)) {
    if (existing.has(office.id)) continue;
    const { id, ...fields } = office;
    await createOffice(write, fields, id);
    created++;
  }
  return created;
}

/** The ids of the demo divisions this load created. */
async function loadDivisions(write: OrganisationWrite): Promise<string[]> {
  const existing = idsOf(
    await write.models.divisions.find({}, { _id: 1 }).session(write.session).lean(),
  );
  const created: string[] = [];
  for (const { id, officeId, name, kind } of demoDivisions) {
    if (existing.has(id)) continue;
    await createDivision(write, { officeId, name, kind }, id);
    created.push(id);
  }
  return created;
}

async function loadStaff(write: OrganisationWrite): Promise<number> {
  const existing = idsOf(
    await write.models.staff.find({}, { _id: 1 }).session(write.session).lean(),
  );
  let created = 0;
  for (const { id, roles, phone, ...fields } of demoStaff) {
    if (existing.has(id)) continue;
    await createStaff(write, { ...fields, roles: [...roles], phone: phone ?? null }, id);
    created++;
  }
  return created;
}

// Only divisions created by this load get their demo head: a head an administrator has since
// changed or removed stays changed.
async function appointHeads(write: OrganisationWrite, createdDivisionIds: string[]): Promise<void> {
  for (const division of demoDivisions) {
    if (!createdDivisionIds.includes(division.id)) continue;
    await updateDivision(write, division.id, { headId: division.headId });
  }
}

async function loadCoordinationBody(write: OrganisationWrite): Promise<boolean> {
  const exists = await write.models.coordinationBodies
    .exists({ _id: COORDINATION_BODY_ID })
    .session(write.session);
  if (exists) return false;
  const { name, leadId, memberIds, responsibilities } = demoCoordinationBody;
  await setCoordinationBody(write, { name, leadId, memberIds: [...memberIds], responsibilities });
  return true;
}

function idsOf(records: readonly { _id: string }[]): Set<string> {
  return new Set(records.map((record) => record._id));
}
