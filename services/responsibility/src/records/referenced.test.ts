import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { loadAllReferenced, loadReferenced } from './referenced.js';

const records = new Map([
  ['div-a', { _id: 'div-a' }],
  ['div-b', { _id: 'div-b' }],
]);
const loader = () =>
  new DataLoader<string, { _id: string } | null>(async (ids) =>
    ids.map((id) => records.get(id) ?? null),
  );

describe('loadReferenced', () => {
  it('gives the record an id refers to', async () => {
    await expect(loadReferenced(loader(), 'div-a')).resolves.toEqual({ _id: 'div-a' });
  });

  it('fails on a reference to nothing instead of answering null', async () => {
    await expect(loadReferenced(loader(), 'div-x')).rejects.toThrow('div-x');
  });
});

describe('loadAllReferenced', () => {
  it('gives the records in the order of the ids', async () => {
    await expect(loadAllReferenced(loader(), ['div-b', 'div-a'])).resolves.toEqual([
      { _id: 'div-b' },
      { _id: 'div-a' },
    ]);
  });

  it('fails when any id refers to nothing', async () => {
    await expect(loadAllReferenced(loader(), ['div-a', 'div-x'])).rejects.toThrow('div-x');
  });
});
