import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareClassification, type Classification } from '@heli/auth';
import { startResponsibility, type Responsibility } from './responsibility-harness.js';

const UPDATE_STAFF = `mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { id } }`;
const MATTERS = '{ assignments(first: 100) { edges { node { classification } } } }';

type Matters = { assignments: { edges: { node: { classification: Classification } }[] } };

/** A token lives for hours; the staff register's word on a person must apply at once. */
describe('callers checked against the staff register on every request', () => {
  let responsibility: Responsibility;

  beforeAll(async () => {
    responsibility = await startResponsibility({ loadDemoData: true });
  });
  afterAll(() => responsibility?.close());

  const highest = (data: Matters | null | undefined) =>
    (data?.assignments.edges ?? [])
      .map((edge) => edge.node.classification)
      .sort(compareClassification)
      .at(-1);

  it('applies a lowered clearance to a token issued before it', async () => {
    const before = await responsibility.as<Matters>('division-head', MATTERS);
    expect(highest(before.body.data)).not.toBe('INTERNAL');

    const lowered = await responsibility.as('admin', UPDATE_STAFF, {
      input: { id: 'staff-general-1-head', clearance: 'INTERNAL' },
    });
    expect(lowered.body.errors).toBeUndefined();

    const after = await responsibility.as<Matters>('division-head', MATTERS);
    expect(after.body.errors).toBeUndefined();
    expect(highest(after.body.data)).toBe('INTERNAL');
  });

  it('refuses a deactivated person whose token has not expired with 401', async () => {
    expect((await responsibility.as('staff', MATTERS)).status).toBe(200);
    const left = await responsibility.as('admin', UPDATE_STAFF, {
      input: { id: 'staff-secretariat-2', active: false },
    });
    expect(left.body.errors).toBeUndefined();

    const refused = await responsibility.as('staff', MATTERS);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
