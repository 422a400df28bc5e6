import { describe, expect, it } from 'vitest';
import { encodeRankCursor } from './field-search.js';
import { pageOfRanked, rankedPage, readSearchRequest } from './ranked-page.js';

describe('readSearchRequest', () => {
  it('reads the terms, a default page of 20 from the start, and a cursor as a position', () => {
    expect(readSearchRequest({ query: '政务资源' })).toEqual({
      request: { terms: expect.arrayContaining(['政务']), offset: 0, size: 20 },
      problems: [],
    });
    expect(
      readSearchRequest({ query: '政务', first: 5, after: encodeRankCursor(10) }).request,
    ).toMatchObject({ offset: 10, size: 5 });
  });

  it('names every problem with the argument it is about', () => {
    const { request, problems } = readSearchRequest(
      { query: '字'.repeat(201), first: 0, after: 'bm9wZQ' },
      { maxDepth: 5 },
    );
    expect(request).toBeNull();
    expect(problems.map((problem) => problem.field)).toEqual(['query', 'first', 'after']);
    expect(problems[0]!.message).toContain('检索词不能超过 200 个字');
  });

  it('refuses paging deeper than the depth allowed', () => {
    const { problems } = readSearchRequest(
      { query: '政务', after: encodeRankCursor(11) },
      { maxDepth: 10 },
    );
    expect(problems).toEqual([
      { field: 'after', message: '搜索结果只能翻到前 10 条，请缩小检索范围' },
    ]);
  });
});

describe('rankedPage', () => {
  const ranked = ['a', 'b', 'c', 'd', 'e'];

  it('pages through a ranking with cursors at the positions after its hits', () => {
    const first = { terms: ['x'], offset: 0, size: 2 };
    const page = rankedPage(first, pageOfRanked(ranked, first), { totalCount: 5 });
    expect(page.hits).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeRankCursor(1),
      endCursor: encodeRankCursor(2),
    });
    const last = { terms: ['x'], offset: 4, size: 2 };
    const end = rankedPage(last, pageOfRanked(ranked, last), { totalCount: 5 });
    expect(end.hits).toEqual(['e']);
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('stops where the ranking stops when more matched than were ranked', () => {
    const request = { terms: ['x'], offset: 3, size: 2 };
    const page = rankedPage(request, pageOfRanked(ranked, request), {
      totalCount: 5_000,
      rankedCount: ranked.length,
    });
    expect(page).toMatchObject({ totalCount: 5_000, pageInfo: { hasNextPage: false } });
  });
});
