import { describe, expect, it, vi } from 'vitest';
import { pageChunk, type PageModule } from './page-chunk';

const page: PageModule = { default: () => null };

describe('a page chunk', () => {
  it('given two preloads, when the chunk loads, then it is fetched once and is there synchronously after', async () => {
    const load = vi.fn(() => Promise.resolve(page));
    const chunk = pageChunk(load);
    expect(chunk.loaded()).toBeUndefined();

    const [first, second] = await Promise.all([chunk.preload(), chunk.preload()]);

    expect(load).toHaveBeenCalledTimes(1);
    expect(first).toBe(page);
    expect(second).toBe(page);
    expect(chunk.loaded()).toBe(page);
  });

  it('given a load that failed, when preloaded again, then it is fetched again', async () => {
    const load = vi
      .fn<() => Promise<PageModule>>()
      .mockRejectedValueOnce(new Error('network'))
      .mockResolvedValueOnce(page);
    const chunk = pageChunk(load);

    await expect(chunk.preload()).rejects.toThrow('network');
    expect(chunk.loaded()).toBeUndefined();
    await expect(chunk.preload()).resolves.toBe(page);

    expect(load).toHaveBeenCalledTimes(2);
    expect(chunk.loaded()).toBe(page);
  });
});
