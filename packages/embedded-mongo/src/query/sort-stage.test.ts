import { BSONSymbol, Long } from 'bson';
import { describe, expect, it } from 'vitest';
import { createAggregator } from './mingo-options.js';

const sortedIds = (spec: Record<string, unknown>, docs: Record<string, unknown>[]): unknown[] =>
  createAggregator([{ $sort: spec }])
    .run(docs)
    .map((d) => (d as { _id: unknown })._id);

describe('the $sort stage', () => {
  it('given symbols among strings, then they sort by their text, between numbers and objects', () => {
    const docs = [
      { _id: 1, v: 'b' },
      { _id: 2, v: new BSONSymbol('c') },
      { _id: 3, v: { x: 1 } },
      { _id: 4, v: new BSONSymbol('a') },
      { _id: 5, v: 7 },
    ];
    expect(sortedIds({ v: 1 }, docs)).toEqual([5, 4, 1, 2, 3]);
    expect(sortedIds({ v: -1 }, docs)).toEqual([3, 2, 1, 4, 5]);
  });

  it('given arrays and Longs, then it orders as find does (smallest element ascending), ties kept in order', () => {
    const docs = [
      { _id: 1, v: [5, 1] },
      { _id: 2, v: Long.fromNumber(3) },
      { _id: 3, v: 2, w: 'b' },
      { _id: 4, v: 2, w: 'a' },
    ];
    expect(sortedIds({ v: 1 }, docs)).toEqual([1, 3, 4, 2]);
    expect(sortedIds({ v: 1, w: 1 }, docs)).toEqual([1, 4, 3, 2]);
  });

  it('given an empty specification, then it is refused with mongod code 15976', () => {
    expect(() => sortedIds({}, [{ _id: 1 }])).toThrow(/at least one sort key/);
  });
});
