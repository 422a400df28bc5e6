import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/period.js';
import { gradeFor, publishPeriodProblem, rankAmong, rankTotals } from './evaluations.rules.js';

const thresholds = { excellent: 120, good: 80, pass: 40 };

describe('gradeFor', () => {
  it('grades a year by the thresholds, inclusive', () => {
    const year = parsePeriod('2026');
    expect(gradeFor(120, thresholds, year)).toBe('EXCELLENT');
    expect(gradeFor(119.5, thresholds, year)).toBe('GOOD');
    expect(gradeFor(40, thresholds, year)).toBe('PASS');
    expect(gradeFor(-3, thresholds, year)).toBe('FAIL');
  });

  it('holds a quarter to a quarter of the thresholds', () => {
    expect(gradeFor(30, thresholds, parsePeriod('2026-Q1'))).toBe('EXCELLENT');
    expect(gradeFor(9, thresholds, parsePeriod('2026-Q1'))).toBe('FAIL');
    expect(gradeFor(10, thresholds, parsePeriod('2026-03'))).toBe('EXCELLENT');
  });
});

describe('rankTotals', () => {
  it('ranks by total, equal totals sharing a rank, ties listed by id', () => {
    const ranked = rankTotals(
      new Map([
        ['d', 5],
        ['b', 9],
        ['c', 9],
        ['a', 1],
      ]),
    );
    expect(ranked).toEqual([
      { divisionId: 'b', total: 9, rank: 1 },
      { divisionId: 'c', total: 9, rank: 1 },
      { divisionId: 'd', total: 5, rank: 3 },
      { divisionId: 'a', total: 1, rank: 4 },
    ]);
  });
});

describe('rankAmong', () => {
  const ranking = rankTotals(
    new Map([
      ['a', 5],
      ['b', 0],
      ['c', -2],
    ]),
  );

  it('finds a ranked division', () => {
    expect(rankAmong(ranking, 'c')).toEqual({ rank: 3, rankedDivisions: 3 });
  });

  it('places a division nobody has scored level with those at 0', () => {
    expect(rankAmong(ranking, 'new')).toEqual({ rank: 2, rankedDivisions: 4 });
  });
});

describe('publishPeriodProblem', () => {
  const now = new Date('2026-12-06T03:00:00Z');

  it('publishes a period once it has begun, the current one included', () => {
    for (const text of ['2026', '2026-Q4', '2026-12', '2025-06']) {
      expect(publishPeriodProblem(parsePeriod(text), now)).toBeNull();
    }
  });

  it('refuses a period that has not begun yet', () => {
    expect(publishPeriodProblem(parsePeriod('2027-06'), now)).toBe(
      '考核期间 2027-06 尚未开始，不能发布考评',
    );
    expect(publishPeriodProblem(parsePeriod('2027'), now)).not.toBeNull();
  });
});
