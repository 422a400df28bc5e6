import { demoDivisions } from '@heli/demo-data';
import {
  countingCommands,
  queryPlans,
  startTestMongo,
  withCommandMonitoring,
  type TestMongo,
} from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AchievementRecord } from '../src/achievements/achievement.model.js';
import type { ForumPostRecord, ForumTopicRecord } from '../src/forum/forum.model.js';
import type { UseRecord } from '../src/reuse/use.model.js';
import {
  PEOPLE,
  REGISTER,
  registration,
  startAchievement,
  type Achievement,
} from './achievement-harness.js';

/**
 * Every list of the subgraph, and every `_entities` path, costs the same database commands for a
 * page (or a batch of representations) of 10 as of 50. Records are copied to have more than 50.
 */
let mongo: TestMongo;
let service: Achievement;
let collections: string[];

const COPIES = 55;
const copies = Array.from({ length: COPIES }, (_, i) => i);
const PERIOD = String(new Date().getUTCFullYear());
const divisionIds = demoDivisions.map((division) => division.id);

beforeAll(async () => {
  mongo = await startTestMongo();
  service = await startAchievement({ ...mongo, uri: withCommandMonitoring(mongo.uri) });
  const { models } = service;
  const { registerAchievement } = await service.ok<{ registerAchievement: { id: string } }>(
    PEOPLE.research1,
    REGISTER,
    { input: registration() },
  );
  const achievement = (await models.achievements
    .findById(registerAchievement.id)
    .lean<AchievementRecord>())!;
  const { openForumTopic } = await service.ok<{ openForumTopic: { id: string } }>(
    PEOPLE.director,
    `mutation($input: OpenForumTopicInput!) { openForumTopic(input: $input) { id } }`,
    {
      input: {
        title: '如何破解基层报表多的问题',
        description: '请各处室提出办法。',
        classification: 'INTERNAL',
        assignedDivisionIds: divisionIds,
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    },
  );
  const { postToForum } = await service.ok<{ postToForum: { id: string } }>(
    PEOPLE.research1,
    `mutation($input: PostToForumInput!) { postToForum(input: $input) { id } }`,
    { input: { topicId: openForumTopic.id, body: '建议统一归口。', classification: 'INTERNAL' } },
  );
  const topic = (await models.forumTopics.findById(openForumTopic.id).lean<ForumTopicRecord>())!;
  const post = (await models.forumPosts.findById(postToForum.id).lean<ForumPostRecord>())!;
  const now = Date.now();
  await models.achievements.insertMany(
    copies.map((i) => ({
      ...achievement,
      _id: `achievement-copy-${i}`,
      origin: { kind: 'MATTER', id: `matter-copy-${i}` },
      createdAt: new Date(now - i * 60_000),
    })),
  );
  await models.forumTopics.insertMany(
    copies.map((i) => ({ ...topic, _id: `topic-copy-${i}`, opensAt: new Date(now - i * 60_000) })),
  );
  await models.forumPosts.insertMany(
    copies.map((i) => ({
      ...post,
      _id: `post-copy-${i}`,
      topicId: `topic-copy-${i}`,
      authorDivisionId: divisionIds[i % divisionIds.length]!,
      createdAt: new Date(now - i * 60_000),
    })),
  );
  await models.uses.insertMany(
    copies.map((i): UseRecord => ({
      _id: `use-copy-${i}`,
      achievementId: `achievement-copy-${i}`,
      kind: 'REFERENCED',
      purpose: '借鉴',
      evidence: null,
      providerDivisionId: divisionIds[i % divisionIds.length]!,
      userDivisionId: divisionIds[(i + 1) % divisionIds.length]!,
      status: i % 2 === 0 ? 'CONFIRMED' : 'CLAIMED',
      claimedByStaffId: PEOPLE.general2Head,
      claimedAt: new Date(now - i * 60_000),
      decidedByStaffId: i % 2 === 0 ? PEOPLE.researchHead : null,
      decidedAt: i % 2 === 0 ? new Date(now - i * 60_000) : null,
      disputeReason: null,
    })),
  );
  collections = Object.values(models)
    .map((model) => model.collection.collectionName)
    .filter((name) => name !== models.directoryStaff.collection.collectionName);
});

afterAll(async () => {
  await service?.close();
  await mongo?.stop();
});

async function run(query: string, variables: Record<string, unknown>) {
  return countingCommands(
    service.conn,
    () =>
      service.ok<Record<string, { edges?: unknown[] } & unknown[]>>(
        PEOPLE.director,
        query,
        variables,
      ),
    { collections },
  );
}

/** Runs `query` for 10 and for 50; both must send the same commands and fill their pages. */
async function sameCommandsFor10And50(
  query: string,
  variables: (size: number) => Record<string, unknown>,
  sizeOf: (data: Record<string, { edges?: unknown[] } & unknown[]>) => number,
) {
  const ten = await run(query, variables(10));
  const fifty = await run(query, variables(50));
  // PRINT_COMMANDS=1 prints the figures (commands per request at 10 and at 50) for a report.
  if (process.env['PRINT_COMMANDS']) {
    console.info(`${ten.commands.length}\t${fifty.commands.length}\t${query.slice(0, 70)}`);
  }
  expect(sizeOf(ten.result)).toBe(10);
  expect(sizeOf(fifty.result)).toBe(50);
  expect(fifty.commands).toEqual(ten.commands);
}

const reps = (typename: string, ids: (i: number) => string) => (size: number) => ({
  r: Array.from({ length: size }, (_, i) => ({ __typename: typename, id: ids(i) })),
  p: PERIOD,
});
const anyDivision = (i: number) => divisionIds[i % divisionIds.length]!;

const lists: [name: string, query: string][] = [
  [
    'achievements',
    `query($n: Int) { achievements(first: $n) { totalCount edges { node { id
      versions { version } uses { id } } } } }`,
  ],
  [
    'forumTopics, with their threads and replies',
    `query($n: Int) { forumTopics(first: $n) { totalCount edges { node { id postCount
      threads { id } } } } }`,
  ],
];

const entities: [name: string, query: string, variables: (size: number) => object][] = [
  [
    'Division, with its achievements, reuse and forum figures',
    `query($r: [_Any!]!, $p: String!) { _entities(representations: $r) { ... on Division {
      achievements(first: 2) { totalCount edges { node { id } } }
      reuseGiven(period: $p) { total } reuseReceived(period: $p) { total }
      usesAwaitingDecision { id }
      forumParticipation(period: $p) { posts assignedTopics postsInAssignedTopics } } } }`,
    reps('Division', anyDivision),
  ],
  [
    'Staff, with their forum posts',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Staff {
      forumPosts(first: 2) { totalCount edges { node { id } } } } } }`,
    reps('Staff', (i) => (i % 2 === 0 ? PEOPLE.research1 : PEOPLE.legal1)),
  ],
  [
    'Achievement',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Achievement { id
      versions { version } uses { id } } } }`,
    reps('Achievement', (i) => `achievement-copy-${i}`),
  ],
  [
    'AchievementUse',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on AchievementUse { id achievement { id } } } }`,
    reps('AchievementUse', (i) => `use-copy-${i}`),
  ],
  [
    'ForumTopic',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ForumTopic { id postCount threads { id } } } }`,
    reps('ForumTopic', (i) => `topic-copy-${i}`),
  ],
  [
    'ForumPost',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ForumPost { id topic { id }
      replies { id } moderation { action } achievement { id } } } }`,
    reps('ForumPost', (i) => `post-copy-${i}`),
  ],
  [
    'Assignment, with its outputs',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { id outputs { id } } } }`,
    reps('Assignment', (i) => `matter-copy-${i}`),
  ],
  [
    'ResearchTopic, with its report',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ResearchTopic { id report { id } } } }`,
    reps('ResearchTopic', (i) => `topic-research-${i}`),
  ],
];

describe('each list costs the same commands for a page of 10 as of 50', () => {
  it.each(lists)('%s', async (name, query) => {
    const field = name.split(',')[0]!;
    await sameCommandsFor10And50(
      query,
      (n) => ({ n }),
      (data) => data[field]!.edges!.length,
    );
  });
});

describe('each _entities path costs the same commands for 10 representations as for 50', () => {
  it.each(entities)('%s', async (_, query, variables) => {
    await sameCommandsFor10And50(
      query,
      (size) => variables(size) as Record<string, unknown>,
      (data) => data['_entities']!.length,
    );
  });
});

describe('every list query is served by an index', () => {
  // A count of every record the caller may see is the one read no index narrows; pages are.
  it.each(lists)('%s', async (_, query) => {
    const { sent } = await run(query.replaceAll('totalCount', ''), { n: 10 });
    const plans = await queryPlans(service.conn, sent);
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((plan) => plan.includes('COLLSCAN'))).toEqual([]);
  });
});
