import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMongo, waitFor, type TestMongo } from '@heli/testkit';
import { publishedViewUrl } from '../src/published/published-view-client.js';
import { VIEW_QUERY_TYPE } from '../src/published/published-view.js';
import { signAsOffice } from '../src/transport/message-signing.js';
import { generateSigningJwk, importSigningKey } from '../src/transport/signing-keys.js';
import { CITY, DISTRICT, startOffices, type TestOffice } from './office-harness.js';

const VIEW = /* GraphQL */ `
  {
    lowerOfficeViews {
      officeName
      reachable
      problem
      assignedMatters {
        id
        title
        status
        progress
      }
      statistics {
        assigned
        accepted
      }
    }
  }
`;
const leader = (officeId: string) => ({
  officeId,
  roles: ['OFFICE_LEADER' as const],
  clearance: 'SECRET' as const,
});

/** The higher office's live view of a lower office: asked over the signed link, refused otherwise. */
describe("the city's view of what the district published", () => {
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

  const postQuery = (office: TestOffice, jws: unknown) =>
    fetch(publishedViewUrl({ url: `http://127.0.0.1:${office.port}` }), {
      method: 'POST',
      headers: { 'content-type': 'application/jose+json' },
      body: JSON.stringify(jws),
    });
  const refusals = async (office: TestOffice) =>
    (
      await office.as<{ refusedLiaisonMessages: { reason: string; claimedFrom: string }[] }>(
        { officeId: office.id, roles: ['SECURITY_OFFICER'] },
        '{ refusedLiaisonMessages { reason claimedFrom } }',
      )
    ).body.data!.refusedLiaisonMessages;

  it('shows the matters the city assigned, as the district holds them when asked, and only those', async () => {
    const assigned = await city.as<{ assignMatterToOffice: { id: string } }>(
      leader(CITY.id),
      'mutation ($input: AssignMatterToOfficeInput!) { assignMatterToOffice(input: $input) { id } }',
      {
        input: {
          officeId: DISTRICT.id,
          title: '开展安全生产检查',
          requirements: '全区开展安全生产大检查',
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          classification: 'INTERNAL',
        },
      },
    );
    expect(assigned.body.errors).toBeUndefined();
    const id = assigned.body.data!.assignMatterToOffice.id;

    const viewed = async () =>
      (
        await city.as<{
          lowerOfficeViews: {
            reachable: boolean;
            assignedMatters: { id: string; status: string }[];
            statistics: { assigned: number; accepted: number };
          }[];
        }>(leader(CITY.id), VIEW)
      ).body.data!.lowerOfficeViews[0]!;
    await waitFor(async () => (await viewed()).assignedMatters.length === 1, {
      description: 'the matter in the district, seen from the city',
    });
    // Taken on in the district: the city's very next query shows it, nothing pushed needed.
    await district
      .models()
      .officeAssignments.updateOne({ _id: id }, { $set: { status: 'ACCEPTED' } });
    const view = await viewed();
    expect(view).toMatchObject({
      reachable: true,
      assignedMatters: [{ id, status: 'ACCEPTED' }],
      statistics: { assigned: 1, accepted: 1 },
    });

    // A viewer cleared below the matter sees neither it nor its count.
    const low = await city.as<{
      lowerOfficeViews: { assignedMatters: unknown[]; statistics: { assigned: number } }[];
    }>({ ...leader(CITY.id), clearance: 'PUBLIC' }, VIEW);
    expect(low.body.data!.lowerOfficeViews[0]).toMatchObject({
      assignedMatters: [],
      statistics: { assigned: 0 },
    });
  });

  it('refuses and records a query from an office that is not the superior, a forged one and a stale one', async () => {
    const query = (from: string, to: string, issuedAt = new Date()) => ({
      v: 1,
      id: randomUUID(),
      from,
      to,
      issuedAt: issuedAt.toISOString(),
    });
    // The district asks the city: signed with its real key, but it is not the city's superior.
    const upward = await postQuery(
      city,
      await signAsOffice(
        query(DISTRICT.id, CITY.id),
        district.settings.signingKey,
        VIEW_QUERY_TYPE,
        DISTRICT.id,
      ),
    );
    expect(upward.status).toBe(403);
    expect(await upward.json()).toEqual({ error: '只有上级机关可以查询本机关报送的情况' });

    // Somebody claiming to be the city, with a key of its own under the city's key id.
    const impostor = await importSigningKey(await generateSigningJwk(city.settings.signingKey.kid));
    const forged = await postQuery(
      district,
      await signAsOffice(query(CITY.id, DISTRICT.id), impostor, VIEW_QUERY_TYPE, CITY.id),
    );
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: '签名验证失败' });

    // The real city, but a query made ten minutes ago (a replay).
    const stale = await postQuery(
      district,
      await signAsOffice(
        query(CITY.id, DISTRICT.id, new Date(Date.now() - 10 * 60_000)),
        city.settings.signingKey,
        VIEW_QUERY_TYPE,
        CITY.id,
      ),
    );
    expect(stale.status).toBe(401);

    expect(await refusals(city)).toEqual([
      { reason: '只有上级机关可以查询本机关报送的情况', claimedFrom: DISTRICT.id },
    ]);
    expect(await refusals(district)).toEqual([
      { reason: '查询已过期或时间不符', claimedFrom: CITY.id },
      { reason: '签名验证失败', claimedFrom: CITY.id },
    ]);
  });
});
