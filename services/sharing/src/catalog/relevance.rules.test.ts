import { describe, expect, it } from 'vitest';
import { encodePostings, type Posting } from './posting-codec.js';
import { rankByRelevance, termFrequencies } from './relevance.rules.js';

const at = 1_772_400_000;
const posting = (docNo: number, termFrequency = 1, termCount = 20, publishedAt = at): Posting => ({
  docNo,
  termFrequency,
  termCount,
  publishedAt,
});
const term = (name: string, ...chunks: Posting[][]) => ({
  term: name,
  chunks: chunks.map((c) => encodePostings(c)),
});
const corpus = { entries: 100, averageTermCount: 20 };
const order = (ranking: { top: { docNo: number }[] }) => ranking.top.map((r) => r.docNo);

describe('rankByRelevance', () => {
  it('ranks entries with more of the query terms first and counts every match', () => {
    const ranking = rankByRelevance(
      [term('资源', [posting(1), posting(2)]), term('共享', [posting(2)])],
      corpus,
      10,
    );
    expect(order(ranking)).toEqual([2, 1]);
    expect(ranking.totalCount).toBe(2);
  });

  it('weighs rare terms above common ones', () => {
    const common = Array.from({ length: 30 }, (_, i) => posting(100 + i));
    const ranking = rankByRelevance([term('工作', common), term('保密', [posting(7)])], corpus, 10);
    expect(ranking.top[0]!.docNo).toBe(7);
  });

  it('prefers the shorter entry for the same frequency, then the newer one', () => {
    const ranking = rankByRelevance(
      [term('督查', [posting(1, 1, 80), posting(2, 1, 10, at - 100), posting(3, 1, 10)])],
      corpus,
      10,
    );
    expect(order(ranking)).toEqual([3, 2, 1]);
  });

  it('merges a term’s chunks and scores a repeated term once', () => {
    const once = rankByRelevance([term('督查', [posting(1), posting(2, 2)])], corpus, 10);
    const chunked = rankByRelevance(
      [term('督查', [posting(1)]), term('督查', [posting(2, 2)])],
      corpus,
      10,
    );
    expect(chunked).toEqual(once);
  });

  it('keeps only the best `limit`, the same as the head of the full order', () => {
    const postings = Array.from({ length: 500 }, (_, i) =>
      posting(i, 1 + (i % 7), 10 + (i % 13), at - (i % 5)),
    );
    const full = rankByRelevance([term('落实', postings)], corpus, 500);
    const head = rankByRelevance([term('落实', postings)], corpus, 25);
    expect(head.top).toEqual(full.top.slice(0, 25));
    expect(head.totalCount).toBe(500);
  });
});

describe('termFrequencies', () => {
  it('counts title words three times', () => {
    expect(termFrequencies(['保密'], ['保密', '规定'])).toEqual({
      termFrequencies: { 保密: 4, 规定: 1 },
      termCount: 5,
    });
  });

  it('given a filter, then only the entries it admits are ranked and counted', () => {
    const ranking = rankByRelevance(
      [term('资源', [posting(1), posting(2), posting(3)])],
      corpus,
      10,
      (docNo) => docNo !== 2,
    );
    expect(order(ranking).sort()).toEqual([1, 3]);
    expect(ranking.totalCount).toBe(2);
  });
});
