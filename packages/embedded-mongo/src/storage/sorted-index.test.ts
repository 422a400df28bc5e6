import { describe, expect, it } from 'vitest';
import { SortedIndex } from './sorted-index.js';

const ids = (it: Iterable<{ id: string }>): string[] => [...it].map((e) => e.id);

describe('SortedIndex', () => {
  it('given many inserts in random order, then entries come out sorted and ranges are exact', () => {
    const index = new SortedIndex();
    const values = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000);
    for (const v of values) index.insert({ key: [v], id: `r${v}` });
    expect(index.size).toBe(5000);
    const all = [...index.all()].map((e) => e.key[0]);
    expect(all).toEqual([...all].sort((a, b) => (a as number) - (b as number)));
    expect(
      ids(index.range({ key: [10], inclusive: true }, { key: [13], inclusive: false })),
    ).toEqual(['r10', 'r11', 'r12']);
    expect(ids(index.range({ key: [4998], inclusive: false }, undefined))).toEqual(['r4999']);
  });

  it('given compound keys, then a prefix bound selects every entry sharing the prefix', () => {
    const index = new SortedIndex();
    index.insert({ key: ['a', 2], id: 'a2' });
    index.insert({ key: ['b', 1], id: 'b1' });
    index.insert({ key: ['a', 1], id: 'a1' });
    const prefix = { key: ['a'], inclusive: true };
    expect(ids(index.range(prefix, prefix))).toEqual(['a1', 'a2']);
  });

  it('given equal keys, then entries are kept per record id and removed exactly', () => {
    const index = new SortedIndex();
    for (let i = 0; i < 1200; i++)
      index.insert({ key: ['same'], id: `id${String(i).padStart(4, '0')}` });
    expect(index.remove({ key: ['same'], id: 'id0600' })).toBe(true);
    expect(index.remove({ key: ['same'], id: 'id0600' })).toBe(false);
    const point = { key: ['same'], inclusive: true };
    expect(ids(index.range(point, point))).toHaveLength(1199);
    for (let i = 0; i < 1200; i++)
      index.remove({ key: ['same'], id: `id${String(i).padStart(4, '0')}` });
    expect(index.size).toBe(0);
    expect([...index.all()]).toEqual([]);
  });

  it('given a reverse range, then it yields the same entries in descending order', () => {
    const index = new SortedIndex();
    for (let v = 0; v < 3000; v++) index.insert({ key: [v % 1000, v], id: `r${v}` });
    const lower = { key: [10], inclusive: true };
    const upper = { key: [12], inclusive: false };
    const forward = ids(index.range(lower, upper));
    expect(forward).toHaveLength(6);
    expect(ids(index.range(lower, upper, true))).toEqual([...forward].reverse());
    const everything = ids(index.all());
    expect(ids(index.range(undefined, undefined, true))).toEqual([...everything].reverse());
    expect(ids(index.range({ key: [999], inclusive: false }, undefined, true))).toEqual([]);
  });
});
