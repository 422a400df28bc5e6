import { describe, expect, it } from 'vitest';
import { periodRange } from './period.js';

describe('periodRange', () => {
  it('gives a year, a quarter and a month from office midnight to office midnight', () => {
    expect(periodRange('2026')).toEqual({
      from: new Date('2025-12-31T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
    expect(periodRange('2026-Q2')).toEqual({
      from: new Date('2026-03-31T16:00:00Z'),
      to: new Date('2026-06-30T16:00:00Z'),
    });
    expect(periodRange('2026-12')).toEqual({
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
  });
  it('refuses anything else with a Chinese message', () => {
    for (const bad of ['2026-13', '2026-Q5', '26', 'last year']) {
      expect(() => periodRange(bad)).toThrow(/格式不对/);
    }
  });
});
