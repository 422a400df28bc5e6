import { achievementEvents } from '@heli/event-contracts';
import { startTestMongo, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startAchievement, type Achievement } from './achievement-harness.js';

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

const OPEN = `mutation($input: OpenForumTopicInput!) {
  openForumTopic(input: $input) { id title classification isOpen assignedDivisions { id } } }`;
const POST = `mutation($input: PostToForumInput!) {
  postToForum(input: $input) { id classification parent { id } authorDivision { id } } }`;
const HIDE = `mutation($id: ID!, $reason: String!) {
  hideForumPost(id: $id, reason: $reason) { id hidden { reason } } }`;
const ADOPT = `mutation($id: ID!) { adoptForumPost(id: $id) { id adopted adoptedBy { id } } }`;
const TO_ACHIEVEMENT = `mutation($input: RegisterAchievementFromPostInput!) {
  registerAchievementFromPost(input: $input) {
    id kind classification leadDivision { id } authors { id } origin { kind id } } }`;
const TOPIC = `query($id: ID!) { forumTopic(id: $id) {
  id postCount threads { id body hidden { reason by { id } } moderation { action reason by { id } }
    replies { id body parent { id } } } } }`;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const year = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()); // office time
const code = (res: { body: { errors?: { extensions?: { code?: unknown } }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;

async function openTopic(overrides: Record<string, unknown> = {}) {
  const data = await service.ok<{ openForumTopic: { id: string } }>(PEOPLE.director, OPEN, {
    input: {
      title: '如何破解基层报表多、负担重的问题',
      description: '请各处室结合工作实际提出可操作的办法。',
      classification: 'INTERNAL',
      assignedDivisionIds: ['div-research', 'div-legal'],
      closesAt: inDays(30),
      ...overrides,
    },
  });
  return data.openForumTopic.id;
}
async function post(by: string, topicId: string, extra: Record<string, unknown> = {}) {
  const data = await service.ok<{ postToForum: { id: string } }>(by, POST, {
    input: {
      topicId,
      body: '建议建立报表统一归口管理制度。',
      classification: 'INTERNAL',
      ...extra,
    },
  });
  return data.postToForum.id;
}

describe('topics', () => {
  it('are opened by leadership for a period, and announced', async () => {
    const id = await openTopic();
    const topic = await service.ok<{ forumTopic: { id: string } }>(PEOPLE.research1, TOPIC, { id });
    expect(topic.forumTopic.id).toBe(id);
    const events = await service.outboxEvents(achievementEvents.forumTopicOpened.fullType);
    expect(events.find((e) => e.subject === id)?.data).toMatchObject({
      assignedDivisionIds: ['div-research', 'div-legal'],
      classification: 'INTERNAL',
    });
  });

  it('are refused to a division head (FORBIDDEN) and to a bad period, changing nothing', async () => {
    const before = await service.models.forumTopics.countDocuments();
    const notLeader = await service.as(PEOPLE.researchHead, OPEN, {
      input: {
        title: '议题',
        description: '说明',
        classification: 'INTERNAL',
        closesAt: inDays(5),
      },
    });
    expect(notLeader.body.errors?.[0]).toMatchObject({
      message: '只有办公厅领导可以开设论坛议题',
      extensions: { code: 'FORBIDDEN' },
    });
    const backwards = await service.as(PEOPLE.director, OPEN, {
      input: {
        title: '议题',
        description: '说明',
        classification: 'INTERNAL',
        assignedDivisionIds: ['div-nowhere'],
        opensAt: inDays(5),
        closesAt: inDays(2),
      },
    });
    expect(code(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.body.errors?.[0]?.message).toMatch(/截止时间须晚于开始时间/);
    expect(await service.models.forumTopics.countDocuments()).toBe(before);
  });

  it('above a person’s clearance are invisible by id, in lists and their posts too', async () => {
    const secret = await openTopic({ title: '涉密议题', classification: 'SECRET' });
    const postId = await post(PEOPLE.researchHead, secret, { classification: 'SECRET' });
    const junior = PEOPLE.general1Junior; // INTERNAL clearance
    expect(
      (await service.ok<{ forumTopic: unknown }>(junior, TOPIC, { id: secret })).forumTopic,
    ).toBeNull();
    const list = await service.ok<{ forumTopics: { edges: { node: { id: string } }[] } }>(
      junior,
      `{ forumTopics(first: 100) { edges { node { id } } } }`,
    );
    expect(list.forumTopics.edges.map((e) => e.node.id)).not.toContain(secret);
    const entities = await service.ok<{ _entities: unknown[] }>(
      junior,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ForumPost { id } ... on ForumTopic { id } } }`,
      {
        r: [
          { __typename: 'ForumPost', id: postId },
          { __typename: 'ForumTopic', id: secret },
        ],
      },
    );
    expect(entities._entities).toEqual([null, null]);
    const reply = await service.as(junior, POST, {
      input: { topicId: secret, body: '回复', classification: 'INTERNAL' },
    });
    expect(code(reply)).toBe('NOT_FOUND');
  });
});

describe('posts and threads', () => {
  it('thread replies under their post, oldest first', async () => {
    const topicId = await openTopic();
    const first = await post(PEOPLE.research1, topicId);
    const reply = await post(PEOPLE.legal1, topicId, {
      parentPostId: first,
      body: '赞同，并建议清单化。',
    });
    const data = await service.ok<{
      forumTopic: {
        postCount: number;
        threads: { id: string; replies: { id: string; parent: { id: string } }[] }[];
      };
    }>(PEOPLE.research1, TOPIC, { id: topicId });
    expect(data.forumTopic.postCount).toBe(2);
    expect(data.forumTopic.threads).toHaveLength(1);
    expect(data.forumTopic.threads[0]!.replies).toMatchObject([
      { id: reply, parent: { id: first } },
    ]);
  });

  it('refuses a post above its topic’s level and changes nothing', async () => {
    const topicId = await openTopic({ classification: 'INTERNAL' });
    const res = await service.as(PEOPLE.researchHead, POST, {
      input: { topicId, body: '内容', classification: 'CONFIDENTIAL' },
    });
    expect(res.body.errors?.[0]).toMatchObject({
      message: '帖子密级不能高于议题密级',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await service.models.forumPosts.countDocuments({ topicId })).toBe(0);
  });

  it('refuses posts before a topic opens', async () => {
    const topicId = await openTopic({ opensAt: inDays(3), closesAt: inDays(10) });
    const res = await service.as(PEOPLE.research1, POST, {
      input: { topicId, body: '内容', classification: 'INTERNAL' },
    });
    expect(res.body.errors?.[0]?.message).toBe('议题尚未开始，暂不能发帖');
  });
});

describe('moderation', () => {
  it('hides a post with a reason: others see why, not what; the audit is kept for leadership', async () => {
    const topicId = await openTopic();
    const postId = await post(PEOPLE.legal1, topicId);
    expect(code(await service.as(PEOPLE.legalHead, HIDE, { id: postId, reason: '离题' }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await service.as(PEOPLE.director, HIDE, { id: postId, reason: ' ' }))).toBe(
      'BAD_USER_INPUT',
    );
    await service.ok(PEOPLE.director, HIDE, { id: postId, reason: '内容与议题无关' });
    expect(code(await service.as(PEOPLE.director, HIDE, { id: postId, reason: '再次' }))).toBe(
      'CONFLICT',
    );
    type Thread = {
      body: string | null;
      hidden: { reason: string; by: { id: string } | null };
      moderation: unknown[];
    };
    const seen = async (by: string) =>
      (await service.ok<{ forumTopic: { threads: Thread[] } }>(by, TOPIC, { id: topicId }))
        .forumTopic.threads[0]!;
    const other = await seen(PEOPLE.research1);
    expect(other).toMatchObject({
      body: null,
      hidden: { reason: '内容与议题无关', by: null },
      moderation: [],
    });
    expect((await seen(PEOPLE.legal1)).body).toBe('建议建立报表统一归口管理制度。');
    expect((await seen(PEOPLE.director)).moderation).toEqual([
      { action: 'HIDE', reason: '内容与议题无关', by: { id: PEOPLE.director } },
    ]);
    expect(await service.models.forumModeration.countDocuments({ postId })).toBe(1);
  });
});

describe('adoption', () => {
  it('is leadership’s, once, announced once even when two leaders adopt at once', async () => {
    const topicId = await openTopic();
    const postId = await post(PEOPLE.research1, topicId);
    const head = await service.as(PEOPLE.researchHead, ADOPT, { id: postId });
    expect(head.body.errors?.[0]).toMatchObject({
      message: '只有办公厅领导可以采纳帖子',
      extensions: { code: 'FORBIDDEN' },
    });
    const results = await Promise.all([
      service.as(PEOPLE.director, ADOPT, { id: postId }),
      service.as('staff-executive-deputy', ADOPT, { id: postId }),
    ]);
    expect(results.map((r) => code(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const events = await service.outboxEvents(achievementEvents.forumPostAdopted.fullType);
    const mine = events.filter((e) => e.subject === postId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data).toMatchObject({ authorDivisionId: 'div-research', assignedTopic: true });
  });

  it('an adopted post becomes an achievement of its author’s division, once', async () => {
    const topicId = await openTopic();
    const postId = await post(PEOPLE.research1, topicId);
    const input = {
      postId,
      title: '关于报表归口管理的建议',
      summary: '论坛采纳建议：建立报表统一归口管理制度。',
      coAuthorStaffIds: [PEOPLE.researchDeputy],
    };
    expect(code(await service.as(PEOPLE.research1, TO_ACHIEVEMENT, { input }))).toBe('CONFLICT'); // not adopted yet
    await service.ok(PEOPLE.director, ADOPT, { id: postId });
    expect(code(await service.as(PEOPLE.legal1, TO_ACHIEVEMENT, { input }))).toBe('FORBIDDEN');
    const data = await service.ok<{ registerAchievementFromPost: Record<string, unknown> }>(
      PEOPLE.research1,
      TO_ACHIEVEMENT,
      { input },
    );
    expect(data.registerAchievementFromPost).toMatchObject({
      kind: 'POLICY_SUGGESTION',
      classification: 'INTERNAL',
      leadDivision: { id: 'div-research' },
      authors: [{ id: PEOPLE.research1 }, { id: PEOPLE.researchDeputy }],
      origin: { kind: 'FORUM_POST', id: postId },
    });
    expect(code(await service.as(PEOPLE.research1, TO_ACHIEVEMENT, { input }))).toBe('CONFLICT');
    const registered = await service.outboxEvents(achievementEvents.achievementRegistered.fullType);
    expect(
      registered.filter((e) => e.subject === data.registerAchievementFromPost['id']),
    ).toHaveLength(1);
  });
});

describe('participation', () => {
  it('shows a division’s posts in assigned topics and adopted posts; Staff.forumPosts lists a person’s posts', async () => {
    const PARTICIPATION = `query($r: [_Any!]!, $p: String!) { _entities(representations: $r) {
      ... on Division { forumParticipation(period: $p) {
        assignedTopics assignedTopicsContributed postsInAssignedTopics posts adoptedPosts } }
      ... on Staff { forumPosts(first: 50) { totalCount edges { node { id } } } } } }`;
    type Counts = {
      assignedTopics: number;
      assignedTopicsContributed: number;
      postsInAssignedTopics: number;
      posts: number;
      adoptedPosts: number;
    };
    const ask = async () => {
      const { _entities } = await service.ok<{
        _entities: [{ forumParticipation: Counts }, { forumPosts: { totalCount: number } }];
      }>(PEOPLE.director, PARTICIPATION, {
        r: [
          { __typename: 'Division', id: 'div-legal' },
          { __typename: 'Staff', id: PEOPLE.legalHead },
        ],
        p: year,
      });
      return {
        division: _entities[0].forumParticipation,
        staffPosts: _entities[1].forumPosts.totalCount,
      };
    };
    const before = await ask();
    const assigned = await openTopic();
    const unassigned = await openTopic({ assignedDivisionIds: [] });
    const a = await post(PEOPLE.legalHead, assigned);
    await post(PEOPLE.legalHead, assigned, { parentPostId: a });
    await post(PEOPLE.legalHead, unassigned);
    await service.ok(PEOPLE.director, ADOPT, { id: a });
    const after = await ask();
    const grew = (field: keyof Counts) => after.division[field] - before.division[field];
    expect(grew('assignedTopics')).toBe(1);
    expect(grew('assignedTopicsContributed')).toBe(1);
    expect(grew('postsInAssignedTopics')).toBe(2);
    expect(grew('posts')).toBe(3);
    expect(grew('adoptedPosts')).toBe(1);
    expect(after.staffPosts - before.staffPosts).toBe(3);
  });
});
