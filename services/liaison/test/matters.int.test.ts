import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMongo, waitFor, type TestMongo } from '@heli/testkit';
import { CITY, DISTRICT, secretariat, startOffices, type TestOffice } from './office-harness.js';

const leader = (officeId: string) => ({
  sub: `${officeId}-leader`,
  officeId,
  divisionId: null,
  roles: ['OFFICE_LEADER' as const],
  clearance: 'SECRET' as const,
});

/** A matter assigned down crosses once; only the lower office's leadership takes it on. */
describe('matters assigned across offices', () => {
  let mongo: TestMongo;
  let city: TestOffice;
  let district: TestOffice;

  beforeAll(async () => {
    mongo = await startTestMongo();
    const offices = await startOffices(
      mongo,
      [CITY, DISTRICT],
      [[CITY.id, DISTRICT.id, 'LOWER', 'INTERNAL']],
    );
    city = offices.get(CITY.id)!;
    district = offices.get(DISTRICT.id)!;
  });
  afterAll(async () => {
    await city?.stop();
    await district?.stop();
    await mongo?.stop();
  });

  const assign = (input: Record<string, unknown>) =>
    city.as<{ assignMatterToOffice: { id: string; status: string } }>(
      leader(CITY.id),
      'mutation ($input: AssignMatterToOfficeInput!) { assignMatterToOffice(input: $input) { id status } }',
      {
        input: {
          officeId: DISTRICT.id,
          title: '开展年底督查',
          requirements: '每周报送进展',
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          classification: 'INTERNAL',
          ...input,
        },
      },
    );

  it('sends the matter down; the district leadership takes it on once and the city sees 承接', async () => {
    const assigned = await assign({});
    expect(assigned.body.errors).toBeUndefined();
    const id = assigned.body.data!.assignMatterToOffice.id;

    const received = await waitFor(
      async () => {
        const res = await district.as<{ officeAssignments: { id: string; status: string }[] }>(
          leader(DISTRICT.id),
          '{ officeAssignments(side: RECEIVED_FROM_HIGHER) { id status officeName deadline } }',
        );
        expect(res.body.errors).toBeUndefined();
        return res.body.data!.officeAssignments[0];
      },
      { description: 'the matter in the district' },
    );
    expect(received).toMatchObject({ id, status: 'ASSIGNED', officeName: CITY.name });

    const accept = (viewer: Parameters<TestOffice['as']>[0]) =>
      district.as(
        viewer,
        'mutation ($id: ID!) { acceptOfficeAssignment(input: { id: $id, leadDivisionId: "div-general-1" }) { status } }',
        { id },
      );
    expect(
      (await accept({ officeId: DISTRICT.id, roles: ['STAFF'] })).body.errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect((await accept(leader(DISTRICT.id))).body.errors).toBeUndefined();
    expect((await accept(leader(DISTRICT.id))).body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await district.models().officeAssignments.countDocuments()).toBe(1);

    await waitFor(
      async () => {
        const res = await city.as<{ officeAssignments: { status: string }[] }>(
          secretariat(CITY.id),
          '{ officeAssignments(side: ASSIGNED_DOWN) { status updates { type } } }',
        );
        return res.body.data?.officeAssignments[0]?.status === 'ACCEPTED';
      },
      { description: '承接 reported to the city' },
    );
  });

  it('refuses a matter above the link, or for an office that is not lower, and sends nothing', async () => {
    const before = await city.models().outgoingMessages.countDocuments();
    const secret = await assign({ classification: 'SECRET' });
    expect(secret.body.errors?.[0]?.message).toContain('机密事项不能经此线路交办');
    const upward = await district.as(
      leader(DISTRICT.id),
      'mutation ($input: AssignMatterToOfficeInput!) { assignMatterToOffice(input: $input) { id } }',
      {
        input: {
          officeId: CITY.id,
          title: '请市委办公厅办理',
          requirements: '……',
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
          classification: 'INTERNAL',
        },
      },
    );
    expect(upward.body.errors?.[0]?.message).toContain('只能向下级机关交办事项');
    expect(await city.models().outgoingMessages.countDocuments()).toBe(before);
  });
});
