import { createEnvelope, responsibilityEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { directorySubscription } from '@heli/directory-read-model';
import { startSharing, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

beforeAll(async () => {
  sharing = await startSharing();
  await sharing.publishDemoOrganisation();
});

afterAll(async () => {
  await sharing?.close();
});

it('takes the organisation in from responsibility’s events over NATS', async () => {
  const secretariat = await sharing.models.directoryDivisions.findById('div-secretariat').lean();
  expect(secretariat).toMatchObject({ kind: 'SECRETARIAT', headStaffId: 'staff-secretariat-head' });
  const staff = await sharing.models.directoryStaff.findById('staff-legal-2').lean();
  expect(staff).toMatchObject({ divisionId: 'div-legal', clearance: 'PUBLIC', active: true });
});

it('applies the same update twice to the same result', async () => {
  const { handlers } = directorySubscription('sharing-directory', sharing.models);
  const event = createEnvelope(
    responsibilityEvents.staffUpdated,
    {
      staffId: 'staff-legal-2',
      officeId: 'office-harbin',
      divisionId: 'div-legal',
      name: '钟诗琪',
      title: '科员',
      roles: ['STAFF'],
      clearance: 'INTERNAL',
      active: true,
      changedFields: ['clearance'],
    },
    { source: 'responsibility', subject: 'staff-legal-2' },
  );
  const apply = () =>
    sharing.runtime.conn.transaction((session) =>
      handlers[responsibilityEvents.staffUpdated.fullType]!(event, { session }),
    );
  await apply();
  const once = await sharing.models.directoryStaff.find({ _id: 'staff-legal-2' }).lean();
  await apply();
  const twice = await sharing.models.directoryStaff.find({ _id: 'staff-legal-2' }).lean();
  expect(twice).toEqual(once);
  expect(twice).toEqual([expect.objectContaining({ clearance: 'INTERNAL' })]);
});

it('refuses a caller the directory records as having left, whatever their token says', async () => {
  const query = '{ documents(first: 1) { totalCount } }';
  expect((await sharing.as('staff-legal-1', query)).status).toBe(200);

  await sharing.models.directoryStaff.updateOne({ _id: 'staff-legal-1' }, { active: false });

  const refused = await sharing.as('staff-legal-1', query);
  expect(refused.status).toBe(401);
  expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
});
