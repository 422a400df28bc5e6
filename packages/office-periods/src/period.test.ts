import { describe, expect, it } from 'vitest';
import {
  assessmentYearProblem,
  InvalidPeriod,
  formatPeriod,
  fractionOfYear,
  monthsOf,
  parsePeriod,
  periodContaining,
  periodFilter,
  periodKeysOf,
  periodRange,
  periodStart,
  subPeriods,
} from './period.js';

describe('parsePeriod', () => {
  it('reads years, quarters and months and writes them back the same', () => {
    for (const text of ['2026', '2026-Q3', '2026-05', '2026-12']) {
      expect(formatPeriod(parsePeriod(text))).toBe(text);
    }
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'QUARTER', year: 2026, quarter: 3 });
  });

  it('refuses anything else with a message naming the accepted forms', () => {
    for (const text of ['26', '2026-Q5', '2026-13', '2026-5', 'last year', '1999']) {
      expect(() => parsePeriod(text)).toThrow(/2026-Q2/);
    }
  });
});

describe('periodKeysOf', () => {
  it('cuts periods on China Standard Time dates', () => {
    expect(periodKeysOf('2026-12-31T15:59:59Z')).toEqual({ year: 2026, quarter: 4, month: 12 });
    expect(periodKeysOf('2026-12-31T16:00:00Z')).toEqual({ year: 2027, quarter: 1, month: 1 });
    expect(periodKeysOf('2026-06-30T23:00:00+08:00')).toEqual({ year: 2026, quarter: 2, month: 6 });
  });
});

describe('period arithmetic', () => {
  const keys = { year: 2026, quarter: 2, month: 5 };

  it('finds the enclosing period of each kind', () => {
    expect(formatPeriod(periodContaining(keys, 'YEAR'))).toBe('2026');
    expect(formatPeriod(periodContaining(keys, 'QUARTER'))).toBe('2026-Q2');
    expect(formatPeriod(periodContaining(keys, 'MONTH'))).toBe('2026-05');
  });

  it('filters by exactly the keys that identify a period', () => {
    expect(periodFilter(parsePeriod('2026-Q2'))).toEqual({ year: 2026, quarter: 2 });
    expect(periodFilter(parsePeriod('2026-05'))).toEqual({ year: 2026, month: 5 });
  });

  it('splits years into quarters and quarters into months', () => {
    expect(subPeriods(parsePeriod('2026')).map(formatPeriod)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(subPeriods(parsePeriod('2026-Q2')).map(formatPeriod)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(monthsOf(parsePeriod('2026'))).toHaveLength(12);
    expect(fractionOfYear(parsePeriod('2026-Q1'))).toBe(0.25);
  });
});

describe('periodStart', () => {
  it('begins a period at midnight China Standard Time on its first day', () => {
    expect(periodStart(parsePeriod('2026')).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(periodStart(parsePeriod('2026-Q3')).toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(periodStart(parsePeriod('2026-05')).toISOString()).toBe('2026-04-30T16:00:00.000Z');
  });
});

describe('periodRange', () => {
  it('runs a year, a quarter and a month from office midnight to office midnight', () => {
    expect(periodRange('2026')).toEqual({
      from: new Date('2025-12-31T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
    expect(periodRange('2026-Q2')).toEqual({
      from: new Date('2026-03-31T16:00:00Z'),
      to: new Date('2026-06-30T16:00:00Z'),
    });
    expect(periodRange('2026-Q4').to).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(periodRange('2026-12')).toEqual({
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
  });

  it('refuses bad text as BAD_USER_INPUT in Chinese, repeating at most 20 characters of it', () => {
    for (const bad of ['2026-13', '2026-Q5', '26', 'last year']) {
      expect(() => periodRange(bad)).toThrow(InvalidPeriod);
    }
    const error = (() => {
      try {
        periodRange('2'.repeat(500));
      } catch (e) {
        return e as InvalidPeriod;
      }
    })();
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toBe(
      `考核期间“${'2'.repeat(20)}…”无效：请写成年份（2026）、季度（2026-Q2）或月份（2026-05）`,
    );
  });
});

describe('assessmentYearProblem', () => {
  it('accepts the years periods accept and names the range otherwise', () => {
    expect(assessmentYearProblem(2026)).toBeNull();
    for (const year of [-5, 1999, 2101, 99999]) {
      expect(assessmentYearProblem(year)).toBe(`考核年度“${year}”无效：应在 2000 到 2100 年之间`);
    }
  });
});
