import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings, POSTING_BYTES } from './posting-codec.js';

describe('posting codec', () => {
  it('round-trips postings in order', () => {
    const postings = [
      { docNo: 1, termFrequency: 3, termCount: 40, publishedAt: 1_772_400_000 },
      { docNo: 4_000_000_000, termFrequency: 1, termCount: 7, publishedAt: 1_772_500_000 },
    ];
    const encoded = encodePostings(postings);
    expect(encoded.length).toBe(2 * POSTING_BYTES);
    expect(decodePostings(encoded)).toEqual(postings);
  });

  it('decodes a concatenation as the postings of both parts', () => {
    const a = encodePostings([{ docNo: 1, termFrequency: 1, termCount: 1, publishedAt: 1 }]);
    const b = encodePostings([{ docNo: 2, termFrequency: 2, termCount: 2, publishedAt: 2 }]);
    expect(decodePostings(Buffer.concat([a, b])).map((p) => p.docNo)).toEqual([1, 2]);
  });

  it('caps a frequency that does not fit in 16 bits', () => {
    const [posting] = decodePostings(
      encodePostings([{ docNo: 1, termFrequency: 70_000, termCount: 1, publishedAt: 1 }]),
    );
    expect(posting!.termFrequency).toBe(0xffff);
  });
});
