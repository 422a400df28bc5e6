import { describe, expect, it } from 'vitest';
import { inBatches } from './message-batches.js';

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

describe('inBatches', () => {
  it('given a backlog, fills batches up to their size, keeping the order', async () => {
    const batches = await collect(
      inBatches(fromArray([1, 2, 3, 4, 5, 6, 7]), { maxSize: 3, lingerMs: 50 }),
    );
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('given a pause longer than the linger, closes the batch and keeps the late item for the next', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    async function* trickle(): AsyncGenerator<string> {
      yield 'a';
      await gate;
      yield 'b';
      yield 'c';
    }
    const iterator = inBatches(trickle(), { maxSize: 10, lingerMs: 1 });

    expect((await iterator.next()).value).toEqual(['a']);
    open();
    expect((await iterator.next()).value).toEqual(['b', 'c']);
    expect((await iterator.next()).done).toBe(true);
  });

  it('given an empty source, yields no batch', async () => {
    expect(await collect(inBatches(fromArray([]), { maxSize: 3, lingerMs: 1 }))).toEqual([]);
  });

  it('refuses a batch size below one', async () => {
    await expect(collect(inBatches(fromArray([1]), { maxSize: 0, lingerMs: 1 }))).rejects.toThrow(
      RangeError,
    );
  });
});
