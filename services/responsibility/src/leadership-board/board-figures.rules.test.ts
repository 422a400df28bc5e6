import { describe, expect, it } from 'vitest';
import { NO_MATTERS, onTimeRate, sumFigures, withRate } from './board-figures.rules.js';

describe('onTimeRate', () => {
  it('is null before anything is completed', () => {
    expect(onTimeRate(NO_MATTERS)).toBeNull();
  });

  it('is the share completed on time, to four decimals', () => {
    expect(onTimeRate({ ...NO_MATTERS, completedOnTime: 2, completedLate: 1 })).toBe(0.6667);
    expect(onTimeRate({ ...NO_MATTERS, completedOnTime: 3 })).toBe(1);
    expect(onTimeRate({ ...NO_MATTERS, completedLate: 3 })).toBe(0);
  });
});

describe('sumFigures', () => {
  it('adds the counts of every row, and the rate follows the totals', () => {
    const total = sumFigures([
      { open: 2, dueThisWeek: 1, overdue: 1, completedOnTime: 1, completedLate: 0 },
      { open: 3, dueThisWeek: 0, overdue: 2, completedOnTime: 1, completedLate: 2 },
    ]);
    expect(total).toEqual({
      open: 5,
      dueThisWeek: 1,
      overdue: 3,
      completedOnTime: 2,
      completedLate: 2,
    });
    expect(withRate(total).onTimeRate).toBe(0.5);
  });
});
