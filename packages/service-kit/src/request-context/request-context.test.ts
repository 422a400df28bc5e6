import { describe, expect, it } from 'vitest';
import { currentRequestId, requestIdFrom, runWithRequestContext } from './request-context.js';

describe('request context', () => {
  it('is visible across awaits and timers inside the run, and not outside', async () => {
    const seen = await runWithRequestContext({ requestId: 'req-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const inTimer = await new Promise<string | undefined>((resolve) =>
        setImmediate(() => resolve(currentRequestId())),
      );
      return [currentRequestId(), inTimer];
    });

    expect(seen).toEqual(['req-1', 'req-1']);
    expect(currentRequestId()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const run = (id: string) =>
      runWithRequestContext({ requestId: id }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return currentRequestId();
      });

    expect(await Promise.all([run('a'), run('b')])).toEqual(['a', 'b']);
  });
});

describe('requestIdFrom', () => {
  it('keeps a sensible incoming id', () => {
    expect(requestIdFrom('gw-7f3a:1')).toBe('gw-7f3a:1');
  });

  it('replaces a missing, oversized or suspicious id with a fresh UUID', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(requestIdFrom(undefined)).toMatch(uuid);
    expect(requestIdFrom('x'.repeat(129))).toMatch(uuid);
    expect(requestIdFrom('abc\n{"level":"fatal"}')).toMatch(uuid);
  });
});
