import { describe, expect, it } from 'vitest';
import {
  catalogFilterFrom,
  catalogueSearchFrom,
  catalogueViewFrom,
  classificationsUpTo,
  highlightSnippet,
} from './catalogue';

describe('查阅 view in the URL', () => {
  it('given a shared link, then its search, filters and page are read back and junk is left out', () => {
    const view = catalogueViewFrom(
      new URLSearchParams(
        'q=资源共享&kind=ACHIEVEMENT&division=div-research&classification=SECRET&from=2026-05-01&to=bad&after=c2&other=x',
      ),
    );
    expect(view).toEqual({
      q: '资源共享',
      kind: 'ACHIEVEMENT',
      division: 'div-research',
      classification: 'SECRET',
      from: '2026-05-01',
      after: 'c2',
    });
    expect(catalogueViewFrom(catalogueSearchFrom(view))).toEqual(view);
    expect(catalogueViewFrom(new URLSearchParams('kind=BOOK&classification=x'))).toEqual({});
  });

  it('given a date range, then it is sent as whole China days, the end day included', () => {
    expect(catalogFilterFrom({ from: '2026-05-01', to: '2026-05-31', kind: 'DOCUMENT' })).toEqual({
      linkKind: 'DOCUMENT',
      publishedFrom: '2026-05-01T00:00:00+08:00',
      publishedBefore: '2026-06-01T00:00:00+08:00',
    });
    expect(catalogFilterFrom({ to: '2026-12-31' })).toEqual({
      publishedBefore: '2027-01-01T00:00:00+08:00',
    });
    expect(catalogFilterFrom({ q: '督查' })).toBeNull();
  });
});

describe('highlighted snippets', () => {
  it('given the query terms, then the longest matching word is marked, not its parts', () => {
    expect(highlightSnippet('全市资源共享目录，资源整合', ['资源', '共享', '资源共享'])).toEqual([
      { text: '全市', hit: false },
      { text: '资源共享', hit: true },
      { text: '目录，', hit: false },
      { text: '资源', hit: true },
      { text: '整合', hit: false },
    ]);
  });

  it('given no terms, then the snippet is one plain part', () => {
    expect(highlightSnippet('督办机制', [])).toEqual([{ text: '督办机制', hit: false }]);
  });
});

describe('classification filter', () => {
  it('offers only what the viewer may see', () => {
    expect(classificationsUpTo('CONFIDENTIAL').map((c) => c.label)).toEqual([
      '公开',
      '内部',
      '秘密',
    ]);
    expect(classificationsUpTo('PUBLIC')).toHaveLength(1);
  });
});
