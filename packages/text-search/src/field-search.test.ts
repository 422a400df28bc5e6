import { describe, expect, it } from 'vitest';
import {
  decodeRankCursor,
  encodeRankCursor,
  queryTermsOf,
  rankByFields,
  searchTermsOf,
} from './field-search.js';

describe('the terms a record is found by', () => {
  it('holds every term of a 文号 searched as written, so the number finds its document', () => {
    const terms = searchTermsOf([{ text: '哈委办发〔2026〕31号', weight: 3 }]);
    expect(terms).toEqual(expect.arrayContaining(queryTermsOf('哈委办发〔2026〕31号').terms));
    expect(terms).not.toEqual(expect.arrayContaining(queryTermsOf('哈委办发〔2026〕32号').terms));
  });

  it('holds a word of a title', () => {
    const terms = searchTermsOf([{ text: '关于做好年度考评准备工作的通知', weight: 3 }]);
    expect(terms).toEqual(expect.arrayContaining(queryTermsOf('考评').terms));
  });
});

describe('a query', () => {
  it('refuses text too long or with too many words, in words for a person', () => {
    expect(queryTermsOf('字'.repeat(201)).problem).toBe('检索词不能超过 200 个字');
    const many = Array.from({ length: 40 }, (_, i) => `词${i}`).join(' ');
    expect(queryTermsOf(many).problem).toMatch(/^检索词太多/);
  });
});

describe('ranking', () => {
  it('puts a title match above a match in the body only, keeping the given order among equals', () => {
    const records = [
      { id: 'body', title: '其他事项', body: '推进政务资源整合' },
      { id: 'title-1', title: '政务资源整合方案', body: '' },
      { id: 'title-2', title: '政务资源整合台账', body: '' },
    ];
    const ranked = rankByFields(
      records,
      (r) => [
        { text: r.title, weight: 3 },
        { text: r.body, weight: 1 },
      ],
      queryTermsOf('资源整合').terms,
    );
    expect(ranked.map((hit) => hit.record.id)).toEqual(['title-1', 'title-2', 'body']);
  });
});

describe('rank cursors', () => {
  it('round-trip a position and refuse anything else', () => {
    expect(decodeRankCursor(encodeRankCursor(40))).toBe(40);
    expect(decodeRankCursor('not-a-cursor')).toBeNull();
  });
});
