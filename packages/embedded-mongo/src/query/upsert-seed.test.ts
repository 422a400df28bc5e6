import { describe, expect, it } from 'vitest';
import { upsertSeed } from './upsert-seed.js';

describe('upsertSeed', () => {
  it('given equality conditions, then they become the fields of the new document', () => {
    expect(upsertSeed({ a: 1, b: { $eq: 'x' }, c: { $in: ['only'] } })).toEqual({
      a: 1,
      b: 'x',
      c: 'only',
    });
  });

  it('given dotted paths and $and, then nested fields are built', () => {
    expect(upsertSeed({ 'p.q': 1, $and: [{ 'p.r': 2 }, { s: 3 }] })).toEqual({
      p: { q: 1, r: 2 },
      s: 3,
    });
  });

  it('given ranges, regexes, multi-value $in and $or, then those fields are left out', () => {
    expect(
      upsertSeed({ a: { $gt: 1 }, b: /x/, c: { $in: [1, 2] }, $or: [{ d: 1 }], e: 5 }),
    ).toEqual({ e: 5 });
  });

  it('given an embedded document value, then it is copied whole', () => {
    expect(upsertSeed({ owner: { id: 1, kind: 'staff' } })).toEqual({
      owner: { id: 1, kind: 'staff' },
    });
  });
});
