import { sharingEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

const PUBLISH = `mutation ($input: PublishCatalogEntryInput!) { publishCatalogEntry(input: $input) { id } }`;
const SEARCH = `
  query ($q: String!, $first: Int, $after: String) {
    searchCatalog(query: $q, first: $first, after: $after) {
      terms totalCount
      hits { score snippet entry { id title classification } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const entries = [
  [
    'staff-research-head',
    'sharing-report',
    '关于推进政务资源共享的调研报告',
    '全市资源共享目录建设情况调研，提出统一资源共享平台的建议。',
    ['资源共享'],
    'INTERNAL',
  ],
  [
    'staff-information-head',
    'sharing-mention',
    '信息工作年度总结',
    '全年报送信息一千余条，其中涉及资源整合和共享的信息二十条。',
    ['信息报送'],
    'INTERNAL',
  ],
  [
    'staff-supervision-head',
    'supervision',
    '督查督办工作经验',
    '建立台账、定期通报、跟踪问效的督办机制。',
    ['督查'],
    'INTERNAL',
  ],
  [
    'staff-confidential-head',
    'secrecy-rules',
    '保密规定汇编',
    '涉密文件登记、传阅、清退的保密规定。',
    ['保密规定'],
    'CONFIDENTIAL',
  ],
  [
    'staff-confidential-head',
    'secrecy-top',
    '核心涉密事项保密规定',
    '绝密事项的保密规定和审批程序。',
    ['保密规定'],
    'TOP_SECRET',
  ],
  [
    'staff-legal-head',
    'legal-review',
    '合法性审查要点',
    '审查中应遵守保密规定。',
    ['合法性审查'],
    'INTERNAL',
  ],
  [
    'staff-meetings-head',
    'meetings',
    '会务工作流程',
    '会议筹备、会场服务、会后资源共享的标准流程。',
    ['会务'],
    'PUBLIC',
  ],
] as const;
const ids = new Map<string, string>();

beforeAll(async () => {
  sharing = await startSharing();
  for (const [publisher, key, title, summary, keywords, classification] of entries) {
    const { body } = await sharing.as(publisher, PUBLISH, {
      input: { title, summary, keywords, classification },
    });
    expect(body.errors).toBeUndefined();
    ids.set(key, body.data.publishCatalogEntry.id);
  }
});

afterAll(async () => {
  await sharing?.close();
});

const search = async (who: string, q: string, page: { first?: number; after?: string } = {}) => {
  const { body } = await sharing.as(who, SEARCH, { q, ...page });
  expect(body.errors).toBeUndefined();
  return body.data.searchCatalog;
};
const hitIds = (result: Json) => result.hits.map((hit: Json) => hit.entry.id);

describe('catalogue search', () => {
  it('segments Chinese queries into words', async () => {
    expect((await search('staff-general-1-1', '资源共享')).terms).toEqual(
      expect.arrayContaining(['资源', '共享', '资源共享']),
    );
  });

  it('ranks the entry about the subject first, then those that merely mention it', async () => {
    const result = await search('staff-general-1-1', '资源共享');
    expect(hitIds(result)[0]).toBe(ids.get('sharing-report'));
    expect(hitIds(result)).toEqual(
      expect.arrayContaining([ids.get('meetings'), ids.get('sharing-mention')]),
    );
    expect(hitIds(result)).not.toContain(ids.get('supervision'));
    expect(result.hits[0].score).toBeGreaterThan(result.hits[1].score);
    expect(result.hits[0].snippet).toContain('资源共享');
  });

  it('finds 保密规定 entries only within the reader’s clearance, hits and count alike', async () => {
    const internal = await search('staff-general-1-2', '保密规定');
    expect(hitIds(internal)).toEqual([ids.get('legal-review')]);
    expect(internal.totalCount).toBe(1);

    const secret = await search('staff-confidential-1', '保密规定');
    expect(secret.totalCount).toBe(2);
    expect(hitIds(secret)).toEqual([ids.get('secrecy-rules'), ids.get('legal-review')]);
    expect(secret.hits.every((hit: Json) => hit.entry.classification !== 'TOP_SECRET')).toBe(true);

    const topSecret = await search('staff-confidential-head', '保密规定');
    expect(topSecret.totalCount).toBe(3);
    expect(hitIds(topSecret).slice(0, 2).sort()).toEqual(
      [ids.get('secrecy-rules'), ids.get('secrecy-top')].sort(),
    );
  });

  it('ranks the same way for everyone who may see the same entries', async () => {
    // Two readers with different clearances see the same INTERNAL hits in the same order.
    const low = await search('staff-general-1-2', '督查');
    const high = await search('staff-confidential-head', '督查');
    expect(hitIds(low)).toEqual(hitIds(high));
  });

  it('pages through ranked hits', async () => {
    const first = await search('staff-general-1-1', '资源共享', { first: 1 });
    expect(first.hits).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search('staff-general-1-1', '资源共享', {
      first: 10,
      after: first.pageInfo.endCursor,
    });
    expect(second.totalCount).toBe(first.totalCount);
    expect(hitIds(second)).not.toContain(hitIds(first)[0]);
    expect(hitIds(second)).toHaveLength(first.totalCount - 1);
  });

  it('refuses search text longer than a person would type, before reading anything', async () => {
    const long = await sharing.as('staff-general-1-1', SEARCH, { q: '资源共享'.repeat(50_000) });
    expect(long.body.errors?.[0]).toMatchObject({
      message: '检索词不能超过 200 个字',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const manyTerms = Array.from(
      { length: 40 },
      (_, i) => `词${String.fromCharCode(0x4e00 + i * 37)}`,
    );
    const wordy = await sharing.as('staff-general-1-1', SEARCH, { q: manyTerms.join(' ') });
    expect(wordy.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await search('staff-general-1-1', '资源'.repeat(100))).terms).toBeDefined();
  });

  it('finds nothing for a query of stop words or punctuation', async () => {
    expect(await search('staff-general-1-1', '的，')).toMatchObject({
      terms: [],
      totalCount: 0,
      hits: [],
    });
  });
});

describe('narrowing the catalogue', () => {
  const FILTERED_SEARCH = `
    query ($q: String!, $filter: CatalogFilter) {
      searchCatalog(query: $q, filter: $filter) { totalCount hits { entry { id } } }
    }`;
  const FILTERED_LIST = `
    query ($filter: CatalogFilter) { catalogEntries(filter: $filter, first: 50) { totalCount edges { node { id } } } }`;
  const filtered = async (who: string, q: string, filter: Json) => {
    const { body } = await sharing.as(who, FILTERED_SEARCH, { q, filter });
    expect(body.errors).toBeUndefined();
    return body.data.searchCatalog;
  };

  it('given a classification, division or date filter, then search counts and ranks only the entries matching it', async () => {
    const confidential = await filtered('staff-confidential-head', '保密规定', {
      classification: 'CONFIDENTIAL',
    });
    expect(hitIds(confidential)).toEqual([ids.get('secrecy-rules')]);
    expect(confidential.totalCount).toBe(1);

    const legal = await filtered('staff-confidential-head', '保密规定', {
      sourceDivisionId: 'div-legal',
    });
    expect(hitIds(legal)).toEqual([ids.get('legal-review')]);

    const future = await filtered('staff-confidential-head', '保密规定', {
      publishedFrom: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future).toMatchObject({ totalCount: 0, hits: [] });
  });

  it('given a classification above the reader, then the filter finds nothing rather than widening', async () => {
    const result = await filtered('staff-general-1-2', '保密规定', {
      classification: 'TOP_SECRET',
    });
    expect(result).toMatchObject({ totalCount: 0, hits: [] });
    const { body } = await sharing.as('staff-general-1-2', FILTERED_LIST, {
      filter: { classification: 'TOP_SECRET' },
    });
    expect(body.data.catalogEntries.totalCount).toBe(0);
  });

  it('given a filter on the list, then only matching entries are listed', async () => {
    const { body } = await sharing.as('staff-confidential-head', FILTERED_LIST, {
      filter: { sourceDivisionId: 'div-legal' },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.catalogEntries.edges.map((edge: Json) => edge.node.id)).toEqual([
      ids.get('legal-review'),
    ]);
  });

  it('given a date range that ends before it starts, then it is refused with a message', async () => {
    const day = '2026-05-01T00:00:00.000Z';
    const { body } = await sharing.as('staff-general-1-1', FILTERED_SEARCH, {
      q: '资源共享',
      filter: { publishedFrom: day, publishedBefore: day },
    });
    expect(body.errors?.[0]).toMatchObject({
      message: '发布时间的起点须早于终点',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('opening and citing', () => {
  it('records opening an entry', async () => {
    const { body } = await sharing.as(
      'staff-general-1-1',
      `mutation ($id: ID!) { openCatalogEntry(id: $id) { openCount } }`,
      { id: ids.get('supervision') },
    );
    expect(body.data.openCatalogEntry.openCount).toBe(1);
    expect(
      await sharing.models.catalogUses.countDocuments({
        entryId: ids.get('supervision'),
        kind: 'OPENED',
        staffId: 'staff-general-1-1',
      }),
    ).toBe(1);
  });

  it('records and announces a citation by another division', async () => {
    const cite = `mutation ($input: CiteCatalogEntryInput!) { citeCatalogEntry(input: $input) { id citingDivision { id } entry { citationCount } } }`;
    const { body } = await sharing.as('staff-general-1-head', cite, {
      input: { entryId: ids.get('sharing-report'), note: '起草方案时借鉴' },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.citeCatalogEntry).toMatchObject({
      citingDivision: { id: 'div-general-1' },
      entry: { citationCount: 1 },
    });
    const [event] = await sharing.outboxEvents(sharingEvents.catalogEntryCited);
    expect(event!.data).toMatchObject({
      citationId: body.data.citeCatalogEntry.id,
      entryId: ids.get('sharing-report'),
      sourceDivisionId: 'div-research',
      citingDivisionId: 'div-general-1',
      citedByStaffId: 'staff-general-1-head',
    });
  });

  it('refuses a division citing its own entry', async () => {
    const { body } = await sharing.as(
      'staff-research-1',
      `mutation ($id: ID!) { citeCatalogEntry(input: { entryId: $id }) { id } }`,
      { id: ids.get('sharing-report') },
    );
    expect(body.errors[0]).toMatchObject({
      message: '不能引用本处室发布的条目',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('announces each published entry', async () => {
    const events = await sharing.outboxEvents(sharingEvents.catalogEntryPublished);
    expect(events).toHaveLength(entries.length);
    expect(events[0]!.data).toMatchObject({
      title: '关于推进政务资源共享的调研报告',
      sourceDivisionId: 'div-research',
      classification: 'INTERNAL',
    });
  });
});
