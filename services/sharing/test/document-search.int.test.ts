import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexUnsearchableDocuments } from '../src/documents/document-search.js';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

const REGISTER = `mutation ($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`;
const SEARCH = `
  query ($q: String!, $first: Int, $after: String) {
    searchDocuments(query: $q, first: $first, after: $after) {
      terms totalCount
      hits { score document { id title documentNumber } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const ids = new Map<string, string>();
const documents = [
  // [registrar, key, title, 文号, classification]
  [
    'staff-secretariat-1',
    'notice',
    '关于做好年度考评准备工作的通知',
    '哈委办发〔2026〕31号',
    'INTERNAL',
  ],
  [
    'staff-secretariat-1',
    'confidential',
    '关于年度考评中保密工作的通知',
    '哈委办发〔2026〕32号',
    'CONFIDENTIAL',
  ],
  ['staff-secretariat-head', 'secret', '年度考评结果运用意见', '哈委办发〔2026〕33号', 'SECRET'],
  [
    'staff-secretariat-1',
    'other',
    '关于加强政务信息报送工作的通知',
    '哈委办发〔2026〕34号',
    'INTERNAL',
  ],
] as const;

beforeAll(async () => {
  sharing = await startSharing();
  for (const [registrar, key, title, documentNumber, classification] of documents) {
    const { body } = await sharing.as(registrar, REGISTER, {
      input: {
        kind: 'MUNICIPAL',
        title,
        documentNumber,
        issuer: '中共哈尔滨市委办公厅',
        issuedOn: '2026-02-20',
        classification,
      },
    });
    expect(body.errors).toBeUndefined();
    ids.set(key, body.data.registerDocument.id);
  }
});

afterAll(async () => {
  await sharing?.close();
});

const search = async (who: string, q: string, page: { first?: number; after?: string } = {}) => {
  const { body } = await sharing.as(who, SEARCH, { q, ...page });
  expect(body.errors).toBeUndefined();
  return body.data.searchDocuments;
};
const hitIds = (result: Json) => result.hits.map((hit: Json) => hit.document.id);

describe('document search', () => {
  it('finds a document by its 文号 as written, and only that one', async () => {
    const result = await search('staff-secretariat-1', '哈委办发〔2026〕31号');
    expect(hitIds(result)).toEqual([ids.get('notice')]);
    expect(result.totalCount).toBe(1);
  });

  it('finds documents by a word of the title, within the reader’s clearance before counting', async () => {
    // 林佳怡 (INTERNAL) of the same division sees only the INTERNAL notice …
    const internal = await search('staff-secretariat-2', '考评');
    expect(hitIds(internal)).toEqual([ids.get('notice')]);
    expect(internal.totalCount).toBe(1);
    // … 郭宏伟 (CONFIDENTIAL) also the confidential one, and the head (SECRET) all three.
    expect((await search('staff-secretariat-1', '考评')).totalCount).toBe(2);
    const head = await search('staff-secretariat-head', '考评');
    expect(head.totalCount).toBe(3);
    expect(hitIds(head)).toEqual(
      expect.arrayContaining([ids.get('notice'), ids.get('confidential'), ids.get('secret')]),
    );
  });

  it('finds nothing for someone without need-to-know, as if the documents did not exist', async () => {
    const result = await search('staff-general-1-1', '考评');
    expect(result).toMatchObject({ totalCount: 0, hits: [] });
  });

  it('finds documents by their issuer', async () => {
    expect((await search('staff-secretariat-1', '哈尔滨市委办公厅')).totalCount).toBe(3);
  });

  it('pages through ranked results', async () => {
    const first = await search('staff-secretariat-head', '考评', { first: 2 });
    expect(first.hits).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await search('staff-secretariat-head', '考评', {
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(rest.hits).toHaveLength(1);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...hitIds(first), ...hitIds(rest)]).size).toBe(3);
  });

  it('refuses a query too long, in Chinese, and a cursor it did not make', async () => {
    const long = await sharing.as('staff-secretariat-1', SEARCH, { q: '考评'.repeat(101) });
    expect(long.body.errors[0]).toMatchObject({
      message: expect.stringContaining('检索词不能超过 200 个字'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const cursor = await sharing.as('staff-secretariat-1', SEARCH, { q: '考评', after: 'x' });
    expect(cursor.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('gives documents stored before search existed their terms at start-up', async () => {
    await sharing.models.documents.updateOne(
      { _id: ids.get('other') },
      { $unset: { searchTerms: 1 } },
    );
    expect(await search('staff-secretariat-1', '信息报送')).toMatchObject({ totalCount: 0 });
    expect(await indexUnsearchableDocuments(sharing.models)).toBe(1);
    expect(hitIds(await search('staff-secretariat-1', '信息报送'))).toEqual([ids.get('other')]);
  });
});
