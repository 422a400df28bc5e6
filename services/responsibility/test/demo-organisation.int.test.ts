import { demoDivisions, demoOffices, demoStaff } from '@heli/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoOrganisation } from '../src/demo/load-demo-organisation.js';
import {
  responsibilityEvents,
  startResponsibility,
  type Responsibility,
} from './responsibility-harness.js';

let responsibility: Responsibility;

beforeAll(async () => {
  responsibility = await startResponsibility({ loadDemoData: false });
});

afterAll(async () => {
  await responsibility?.close();
});

/** The stored organisation, and the ids of the events recorded so far. */
async function organisationAndEvents() {
  const { models } = responsibility;
  const [offices, divisions, staff, coordinationBodies] = await Promise.all([
    models.offices.find().sort({ _id: 1 }).lean(),
    models.divisions.find().sort({ _id: 1 }).lean(),
    models.staff.find().sort({ _id: 1 }).lean(),
    models.coordinationBodies.find().lean(),
  ]);
  const eventIds = (await responsibility.outboxEvents()).map((event) => event.id).sort();
  return { offices, divisions, staff, coordinationBodies, eventIds };
}

describe('loading the demo organisation', () => {
  it('creates every demo record through the write path, announcing each creation', async () => {
    const summary = await loadDemoOrganisation(responsibility.runtime);

    expect(summary).toEqual({
      offices: demoOffices.length,
      divisions: demoDivisions.length,
      staff: demoStaff.length,
      coordinationBody: true,
    });
    const count = async (definition: { fullType: string }) =>
      (await responsibility.outboxEvents(definition)).length;
    expect({
      officesCreated: await count(responsibilityEvents.officeCreated),
      divisionsCreated: await count(responsibilityEvents.divisionCreated),
      staffCreated: await count(responsibilityEvents.staffCreated),
      headsAppointed: await count(responsibilityEvents.divisionUpdated),
      coordinationBodySet: await count(responsibilityEvents.coordinationBodyUpdated),
      officesUpdated: await count(responsibilityEvents.officeUpdated),
      staffUpdated: await count(responsibilityEvents.staffUpdated),
    }).toEqual({
      officesCreated: demoOffices.length,
      divisionsCreated: demoDivisions.length,
      staffCreated: demoStaff.length,
      headsAppointed: demoDivisions.length,
      coordinationBodySet: 1,
      officesUpdated: 0,
      staffUpdated: 0,
    });
    const stored = await responsibility.models.divisions.findById('div-general-1').lean();
    expect(stored).toMatchObject({ name: '综合一处', headId: 'staff-general-1-head' });
  });

  it('changes nothing when loaded again', async () => {
    const before = await organisationAndEvents();

    const summary = await loadDemoOrganisation(responsibility.runtime);

    expect(summary).toEqual({ offices: 0, divisions: 0, staff: 0, coordinationBody: false });
    expect(await organisationAndEvents()).toEqual(before);
  });

  it('leaves what an administrator changed as it is', async () => {
    const { body } = await responsibility.as(
      'admin',
      `mutation { updateDivision(input: { id: "div-legal", name: "法规处", headId: null }) { name } }`,
    );
    expect(body.errors).toBeUndefined();
    const before = await organisationAndEvents();

    await loadDemoOrganisation(responsibility.runtime);

    expect(await organisationAndEvents()).toEqual(before);
    expect(await responsibility.models.divisions.findById('div-legal').lean()).toMatchObject({
      name: '法规处',
      headId: null,
    });
  });
});
