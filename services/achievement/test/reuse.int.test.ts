import { achievementEvents } from '@heli/event-contracts';
import { startTestMongo, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PEOPLE,
  REGISTER,
  registration,
  startAchievement,
  type Achievement,
} from './achievement-harness.js';

let mongo: TestMongo;
let service: Achievement;

beforeAll(async () => {
  mongo = await startTestMongo();
  service = await startAchievement(mongo);
});
afterAll(async () => {
  await service?.close();
  await mongo?.stop();
});

const CLAIM = `mutation($input: ClaimAchievementUseInput!) {
  claimAchievementUse(input: $input) { id status kind providerDivision { id } userDivision { id } } }`;
const CONFIRM = `mutation($id: ID!) { confirmAchievementUse(id: $id) { id status decidedBy { id } } }`;
const DISPUTE = `mutation($id: ID!, $reason: String!) {
  disputeAchievementUse(id: $id, reason: $reason) { id status disputeReason } }`;
const year = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()); // office time

async function register(overrides: Record<string, unknown> = {}, by: string = PEOPLE.research1) {
  const data = await service.ok<{ registerAchievement: { id: string } }>(by, REGISTER, {
    input: registration(overrides),
  });
  return data.registerAchievement.id;
}
const claim = (by: string, achievementId: string, kind = 'APPLIED') =>
  service.as<{ claimAchievementUse: { id: string } }>(by, CLAIM, {
    input: {
      achievementId,
      kind,
      purpose: '用于起草本处室工作方案',
      evidence: { kind: 'DOCUMENT', id: 'document-1' },
    },
  });

describe('claiming a use', () => {
  it('records another division’s use, to be confirmed by the provider', async () => {
    const id = await register();
    const res = await claim(PEOPLE.legal1, id);
    expect(res.body.data?.claimAchievementUse).toMatchObject({
      status: 'CLAIMED',
      providerDivision: { id: 'div-research' },
      userDivision: { id: 'div-legal' },
    });
  });

  it('refuses a claim of one’s own achievement (FORBIDDEN) and changes nothing', async () => {
    const id = await register();
    const res = await claim(PEOPLE.researchDeputy, id);
    expect(res.body.errors?.[0]).toMatchObject({
      message: '不能登记本处室成果的应用',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await service.models.uses.countDocuments({ achievementId: id })).toBe(0);
  });

  it('records the same use once, also when two people of the division claim it at once', async () => {
    const id = await register();
    const results = await Promise.all([claim(PEOPLE.legal1, id), claim(PEOPLE.legalHead, id)]);
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const again = await claim(PEOPLE.legal1, id);
    expect(again.body.errors?.[0]?.message).toMatch(/不能重复登记/);
    expect(await service.models.uses.countDocuments({ achievementId: id })).toBe(1);
    // Another kind of use by the same division is another use.
    expect((await claim(PEOPLE.legal1, id, 'TRANSFORMED')).body.errors).toBeUndefined();
  });

  it('answers NOT_FOUND for an achievement the claimant may not see', async () => {
    const secret = await register(
      { classification: 'SECRET', authorStaffIds: [PEOPLE.researchHead] },
      PEOPLE.researchHead,
    );
    const res = await claim(PEOPLE.general1Junior, secret);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('confirming and disputing', () => {
  it('confirms once, and announces the confirmation once, under concurrent confirmations', async () => {
    const id = await register();
    const useId = (await claim(PEOPLE.general2Staff, id)).body.data!.claimAchievementUse.id;
    const notProvider = await service.as(PEOPLE.legalHead, CONFIRM, { id: useId });
    expect(notProvider.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const results = await Promise.all([
      service.as(PEOPLE.researchHead, CONFIRM, { id: useId }),
      service.as(PEOPLE.director, CONFIRM, { id: useId }),
    ]);
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const events = await service.outboxEvents(achievementEvents.useConfirmed.fullType);
    expect(events.filter((e) => e.subject === useId)).toHaveLength(1);
  });

  it('disputes with a reason; a disputed use is never confirmed nor counted', async () => {
    const id = await register();
    const useId = (await claim(PEOPLE.general2Staff, id, 'TRANSFORMED')).body.data!
      .claimAchievementUse.id;
    const noReason = await service.as(PEOPLE.researchHead, DISPUTE, { id: useId, reason: '  ' });
    expect(noReason.body.errors?.[0]).toMatchObject({
      message: '异议理由不能为空',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const res = await service.ok<{
      disputeAchievementUse: { status: string; disputeReason: string };
    }>(PEOPLE.researchHead, DISPUTE, { id: useId, reason: '该处室并未将成果转化为文件' });
    expect(res.disputeAchievementUse).toEqual({
      id: useId,
      status: 'DISPUTED',
      disputeReason: '该处室并未将成果转化为文件',
    });
    const confirm = await service.as(PEOPLE.researchHead, CONFIRM, { id: useId });
    expect(confirm.body.errors?.[0]?.message).toBe('该应用已提出异议');
    expect(await service.outboxEvents(achievementEvents.useConfirmed.fullType)).not.toContainEqual(
      expect.objectContaining({ subject: useId }),
    );
  });
});

describe('reuse counts', () => {
  it('count confirmed uses by kind, only of achievements the viewer may see', async () => {
    // 综合二处 uses two of 调研室's achievements: an INTERNAL one and a SECRET one.
    const open = await register({ title: '公开可见的成果' });
    const secret = await register(
      { title: '机密成果', classification: 'SECRET', authorStaffIds: [PEOPLE.researchHead] },
      PEOPLE.researchHead,
    );
    for (const achievementId of [open, secret]) {
      const useId = (await claim(PEOPLE.general2Head, achievementId, 'REFERENCED')).body.data!
        .claimAchievementUse.id;
      await service.ok(PEOPLE.researchHead, CONFIRM, { id: useId });
    }
    const COUNTS = `query($r: [_Any!]!, $p: String!) { _entities(representations: $r) {
      ... on Division { reuseReceived(period: $p) { total byKind { kind count } } } } }`;
    const count = async (viewer: string) =>
      (
        await service.ok<{
          _entities: {
            reuseReceived: { total: number; byKind: { kind: string; count: number }[] };
          }[];
        }>(viewer, COUNTS, { r: [{ __typename: 'Division', id: 'div-general-2' }], p: year })
      )._entities[0]!.reuseReceived;
    const leader = await count(PEOPLE.director);
    const junior = await count(PEOPLE.general2Staff); // INTERNAL clearance
    expect(leader.total).toBe(junior.total + 1);
    expect(leader.byKind.find((k) => k.kind === 'REFERENCED')!.count).toBe(
      junior.byKind.find((k) => k.kind === 'REFERENCED')!.count + 1,
    );
    const badPeriod = await service.as(PEOPLE.director, COUNTS, {
      r: [{ __typename: 'Division', id: 'div-general-2' }],
      p: '2026-13',
    });
    expect(badPeriod.body.errors?.[0]).toMatchObject({
      message: '考核期间“2026-13”无效：请写成年份（2026）、季度（2026-Q2）或月份（2026-05）',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
