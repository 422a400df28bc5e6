import { describe, expect, it } from 'vitest';
import { exponentialBackoff, idlePollDelay } from './backoff.js';

describe('exponentialBackoff', () => {
  it('doubles the delay with every attempt, starting at the base', () => {
    const backoff = exponentialBackoff({ baseMs: 100, maxMs: 10_000 });
    expect([1, 2, 3, 4, 5].map(backoff)).toEqual([100, 200, 400, 800, 1600]);
  });

  it('never exceeds the cap, however many attempts have failed', () => {
    const backoff = exponentialBackoff({ baseMs: 100, maxMs: 5_000 });
    expect(backoff(7)).toBe(5_000);
    expect(backoff(1_000)).toBe(5_000);
  });

  it('treats attempt 0 or less as the first attempt', () => {
    const backoff = exponentialBackoff({ baseMs: 250, maxMs: 1_000 });
    expect(backoff(0)).toBe(250);
    expect(backoff(-3)).toBe(250);
  });

  it('randomises at most the jitter fraction of the delay, downwards', () => {
    const lowest = exponentialBackoff({
      baseMs: 1_000,
      maxMs: 8_000,
      jitter: 0.5,
      random: () => 1,
    });
    const highest = exponentialBackoff({
      baseMs: 1_000,
      maxMs: 8_000,
      jitter: 0.5,
      random: () => 0,
    });
    expect(lowest(3)).toBe(2_000);
    expect(highest(3)).toBe(4_000);
  });

  it('rejects a cap below the base and jitter outside [0, 1]', () => {
    expect(() => exponentialBackoff({ baseMs: 500, maxMs: 100 })).toThrow(RangeError);
    expect(() => exponentialBackoff({ baseMs: 100, maxMs: 500, jitter: 2 })).toThrow(RangeError);
  });
});

describe('idlePollDelay', () => {
  it('polls at pollMs while drains publish something, and after the first empty one', () => {
    expect(idlePollDelay(0, 250, 4_000)).toBe(250);
    expect(idlePollDelay(1, 250, 4_000)).toBe(250);
  });

  it('doubles with every further empty drain, up to idlePollMs', () => {
    expect([2, 3, 4, 5, 6, 1_000].map((n) => idlePollDelay(n, 250, 4_000))).toEqual([
      500, 1_000, 2_000, 4_000, 4_000, 4_000,
    ]);
  });

  it('never backs off when idlePollMs is not above pollMs', () => {
    expect(idlePollDelay(10, 250, 250)).toBe(250);
    expect(idlePollDelay(10, 250, 100)).toBe(250);
  });
});
