import type { HeliClaims } from '@heli/auth';
import { graphql, tokenFor } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsModels } from '../src/models.js';
import { createNotificationsSubgraph } from '../src/server.js';

// Saved queries on the real subgraph and the embedded MongoDB: who may save, see, change and
// delete them, and the Chinese refusals.

let subgraph: TestSubgraph<NotificationsModels>;

const people = {
  analyst: {
    sub: 'staff-analyst',
    name: '彭宇航',
    officeId: 'office-1',
    roles: ['STAFF', 'ANALYST'],
  },
  colleague: { sub: 'staff-colleague', name: '吕思远', officeId: 'office-1', roles: ['STAFF'] },
  otherAnalyst: {
    sub: 'staff-analyst-2',
    name: '程立伟',
    officeId: 'office-1',
    roles: ['ANALYST'],
  },
  outsider: { sub: 'staff-outside', name: '外单位', officeId: 'office-2', roles: ['ANALYST'] },
} satisfies Record<string, Partial<HeliClaims>>;
type Person = keyof typeof people;

/** What the operations below answer: a saved query, a page of them, or a deleted id. */
type Answer = {
  id: string;
  name: string;
  edges: { node: { name: string; mine: boolean } }[];
};

async function as(person: Person, query: string, variables: Record<string, unknown> = {}) {
  const res = await graphql(subgraph.url, query, variables, {
    token: await tokenFor(people[person] as Partial<HeliClaims>),
  });
  return res.body as {
    data?: Record<string, Answer> | null;
    errors?: { message: string; extensions: { code: string } }[];
  };
}

const SAVE = `mutation ($input: SavedQueryInput!) {
  saveQuery(input: $input) { id name shared mine ownerName variables }
}`;
const UPDATE = `mutation ($id: ID!, $input: SavedQueryInput!) {
  updateSavedQuery(id: $id, input: $input) { id name shared }
}`;
const DELETE = `mutation ($id: ID!) { deleteSavedQuery(id: $id) }`;
const LIST = `query ($mineOnly: Boolean) {
  savedQueries(first: 50, mineOnly: $mineOnly) { totalCount edges { node { id name mine } } }
}`;
const ONE = `query ($id: ID!) { savedQuery(id: $id) { id name document } }`;

let sequence = 0;
const input = (overrides: Record<string, unknown> = {}) => ({
  name: `各处室本年得分 ${++sequence}`,
  document: 'query { divisions { id name } }',
  shared: false,
  ...overrides,
});

async function saved(person: Person, overrides: Record<string, unknown> = {}) {
  const body = await as(person, SAVE, { input: input(overrides) });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!['saveQuery'] as { id: string; name: string };
}

const names = async (person: Person) =>
  (await as(person, LIST)).data!['savedQueries']!.edges.map((e) => e.node.name);

beforeAll(async () => {
  subgraph = await startTestSubgraph(createNotificationsSubgraph());
}, 120_000);

afterAll(async () => {
  await subgraph?.close();
});

describe('saving a query', () => {
  it('keeps an analyst’s query with {} for absent variables, owned by them', async () => {
    const body = await as('analyst', SAVE, { input: input({ name: '  督办事项统计 ' }) });
    expect(body.data!['saveQuery']).toMatchObject({
      name: '督办事项统计',
      shared: false,
      mine: true,
      ownerName: '彭宇航',
      variables: '{}',
    });
  });

  it('refuses someone who is not an analyst, and stores nothing', async () => {
    const before = await subgraph.models.savedQueries.countDocuments();
    const body = await as('colleague', SAVE, { input: input() });
    expect(body.errors?.[0]).toMatchObject({
      message: '只有分析人员可以保存查询',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await subgraph.models.savedQueries.countDocuments()).toBe(before);
  });

  it('refuses a mutation and an overlong name together, in Chinese', async () => {
    const body = await as('analyst', SAVE, {
      input: input({
        name: '名'.repeat(61),
        document: 'mutation { markAllNotificationsRead { unreadNotificationCount } }',
      }),
    });
    expect(body.errors?.[0]).toMatchObject({
      message: '查询名称不能超过 60 个字；只能保存查询（query），不能保存变更或订阅',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses a second query of the same name by the same person, even when both race', async () => {
    const name = `同名查询 ${++sequence}`;
    const bodies = await Promise.all(
      [1, 2, 3].map(() => as('analyst', SAVE, { input: input({ name }) })),
    );
    expect(bodies.filter((b) => !b.errors)).toHaveLength(1);
    expect(bodies.filter((b) => b.errors?.[0]?.extensions.code === 'CONFLICT')).toHaveLength(2);
    expect(await subgraph.models.savedQueries.countDocuments({ name })).toBe(1);
    // Another person may use the name.
    await saved('otherAnalyst', { name });
  });
});

describe('sharing within the office', () => {
  it('shows a shared query to the office and an unshared one to its owner only', async () => {
    const shared = await saved('analyst', { shared: true });
    const kept = await saved('analyst', { shared: false });

    expect(await names('colleague')).toContain(shared.name);
    expect(await names('colleague')).not.toContain(kept.name);
    expect(await names('outsider')).not.toContain(shared.name);
    expect(await names('analyst')).toEqual(expect.arrayContaining([shared.name, kept.name]));

    expect((await as('colleague', ONE, { id: shared.id })).data!['savedQuery']).toMatchObject({
      name: shared.name,
    });
    expect((await as('colleague', ONE, { id: kept.id })).data!['savedQuery']).toBeNull();
    expect((await as('outsider', ONE, { id: shared.id })).data!['savedQuery']).toBeNull();
  });

  it('lists only mine with mineOnly', async () => {
    const theirs = await saved('otherAnalyst', { shared: true });
    const list = (await as('analyst', LIST, { mineOnly: true })).data!['savedQueries']!;
    expect(list.edges.every((e) => e.node.mine)).toBe(true);
    expect(list.edges.map((e) => e.node.name)).not.toContain(theirs.name);
  });
});

describe('changing and deleting', () => {
  it('lets the owner change and delete; a colleague is refused and changes nothing', async () => {
    const query = await saved('analyst', { shared: true });

    const refused = await as('otherAnalyst', UPDATE, {
      id: query.id,
      input: input({ name: '改名' }),
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: '只有查询的创建人可以修改或删除它',
      extensions: { code: 'FORBIDDEN' },
    });
    const notDeleted = await as('otherAnalyst', DELETE, { id: query.id });
    expect(notDeleted.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await subgraph.models.savedQueries.findById(query.id).lean()).toMatchObject({
      name: query.name,
    });

    const renamed = await as('analyst', UPDATE, {
      id: query.id,
      input: input({ name: `${query.name}（新）`, shared: false }),
    });
    expect(renamed.data!['updateSavedQuery']).toMatchObject({
      name: `${query.name}（新）`,
      shared: false,
    });

    expect((await as('analyst', DELETE, { id: query.id })).data!['deleteSavedQuery']).toBe(
      query.id,
    );
    expect(await subgraph.models.savedQueries.findById(query.id).lean()).toBeNull();
  });

  it('answers NOT_FOUND for a query the viewer may not see', async () => {
    const query = await saved('analyst', { shared: false });
    const body = await as('outsider', DELETE, { id: query.id });
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
