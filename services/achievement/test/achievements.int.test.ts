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

type Registered = { registerAchievement: { id: string; version: number } };

describe('registering achievements', () => {
  it('publishes the achievement with its first version and announces it for the catalogue', async () => {
    const { registerAchievement: a } = await service.ok<
      Registered & { registerAchievement: Record<string, unknown> }
    >(PEOPLE.research1, REGISTER, { input: registration({ coDivisionIds: ['div-legal'] }) });
    expect(a).toMatchObject({
      status: 'PUBLISHED',
      version: 1,
      leadDivision: { id: 'div-research' },
      coDivisions: [{ id: 'div-legal' }],
      versions: [{ version: 1, note: '登记', by: { id: PEOPLE.research1 } }],
    });
    const events = await service.outboxEvents(achievementEvents.achievementRegistered.fullType);
    expect(events.find((e) => e.subject === a.id)?.data).toMatchObject({
      achievementId: a.id,
      leadDivisionId: 'div-research',
      restricted: false,
      classification: 'INTERNAL',
    });
  });

  it('refuses bad input with every problem named in Chinese, and stores nothing', async () => {
    const before = await service.models.achievements.countDocuments();
    const res = await service.as(PEOPLE.research1, REGISTER, {
      input: registration({
        title: '   ',
        authorStaffIds: ['staff-nobody'],
        coDivisionIds: ['div-nowhere'],
      }),
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toContain('成果标题不能为空');
    const second = await service.as(PEOPLE.research1, REGISTER, {
      input: registration({ authorStaffIds: ['staff-nobody'], coDivisionIds: ['div-nowhere'] }),
    });
    expect(second.body.errors?.[0]?.message).toMatch(
      /处室 div-nowhere 不存在.*作者 staff-nobody 不存在/,
    );
    expect(await service.models.achievements.countDocuments()).toBe(before);
    expect(await service.models.achievementVersions.countDocuments()).toBe(before);
  });

  it('refuses registering for another division or above one’s clearance (FORBIDDEN)', async () => {
    const other = await service.as(PEOPLE.research1, REGISTER, {
      input: registration({ leadDivisionId: 'div-legal' }),
    });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const secret = await service.as(PEOPLE.research1, REGISTER, {
      input: registration({ classification: 'SECRET' }),
    });
    expect(secret.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('versions', () => {
  it('keeps every version; of two concurrent revisions of one version exactly one succeeds', async () => {
    const { registerAchievement: a } = await service.ok<Registered>(PEOPLE.research1, REGISTER, {
      input: registration(),
    });
    const revise = (title: string) =>
      service.as(
        PEOPLE.research1,
        `mutation($input: ReviseAchievementInput!) {
        reviseAchievement(input: $input) { version title } }`,
        {
          input: { id: a.id, baseVersion: 1, title, summary: '修订后的摘要', note: `改为${title}` },
        },
      );
    const results = await Promise.all([revise('修订稿甲'), revise('修订稿乙')]);
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const { achievement } = await service.ok<{
      achievement: { version: number; versions: { version: number; title: string }[] };
    }>(
      PEOPLE.researchHead,
      `query($id: ID!) { achievement(id: $id) { version versions { version title } } }`,
      { id: a.id },
    );
    expect(achievement.version).toBe(2);
    expect(achievement.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(achievement.versions[0]!.title).toBe('关于优化营商环境的调研报告');
  });

  it('refuses a revision by another division', async () => {
    const { registerAchievement: a } = await service.ok<Registered>(PEOPLE.research1, REGISTER, {
      input: registration(),
    });
    const res = await service.as(
      PEOPLE.legal1,
      `mutation($input: ReviseAchievementInput!) {
      reviseAchievement(input: $input) { version } }`,
      {
        input: { id: a.id, baseVersion: 1, title: '改', summary: '改', note: '改' },
      },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('an achievement above the viewer’s clearance or outside their need-to-know', () => {
  let secretId: string;
  let restrictedId: string;
  beforeAll(async () => {
    secretId = (
      await service.ok<Registered>(PEOPLE.researchHead, REGISTER, {
        input: registration({
          title: '机密调研报告',
          classification: 'SECRET',
          authorStaffIds: [PEOPLE.researchHead],
        }),
      })
    ).registerAchievement.id;
    restrictedId = (
      await service.ok<Registered>(PEOPLE.research1, REGISTER, {
        input: registration({ title: '仅限法规室', restrictedToDivisionIds: ['div-legal'] }),
      })
    ).registerAchievement.id;
  });

  it('is invisible by id, in lists, in counts and through _entities', async () => {
    const viewer = PEOPLE.general1Junior; // INTERNAL clearance, 综合一处
    const byId = await service.ok<{ a: null; b: null }>(
      viewer,
      `query($a: ID!, $b: ID!) { a: achievement(id: $a) { id } b: achievement(id: $b) { id } }`,
      { a: secretId, b: restrictedId },
    );
    expect(byId).toEqual({ a: null, b: null });

    const list = await service.ok<{
      achievements: { totalCount: number; edges: { node: { id: string } }[] };
    }>(
      viewer,
      `{ achievements(divisionId: "div-research", first: 100) { totalCount edges { node { id } } } }`,
    );
    const ids = list.achievements.edges.map((e) => e.node.id);
    expect(ids).not.toContain(secretId);
    expect(ids).not.toContain(restrictedId);
    expect(list.achievements.totalCount).toBe(ids.length);

    const director = await service.ok<{ achievements: { totalCount: number } }>(
      PEOPLE.director,
      `{ achievements(divisionId: "div-research", first: 100) { totalCount } }`,
    );
    expect(director.achievements.totalCount).toBe(list.achievements.totalCount + 2);

    const entities = await service.ok<{ _entities: unknown[] }>(
      viewer,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Achievement { id title } } }`,
      {
        r: [
          { __typename: 'Achievement', id: secretId },
          { __typename: 'Achievement', id: restrictedId },
        ],
      },
    );
    expect(entities._entities).toEqual([null, null]);
  });

  it('is visible to the named division and to leadership', async () => {
    const legal = await service.ok<{ achievement: { id: string } | null }>(
      PEOPLE.legal1,
      `query($id: ID!) { achievement(id: $id) { id } }`,
      { id: restrictedId },
    );
    expect(legal.achievement?.id).toBe(restrictedId);
    const director = await service.ok<{ achievement: { id: string } | null }>(
      PEOPLE.director,
      `query($id: ID!) { achievement(id: $id) { id } }`,
      { id: secretId },
    );
    expect(director.achievement?.id).toBe(secretId);
  });
});
