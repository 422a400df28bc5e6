import { DomainError } from '@heli/subgraph-runtime';

/**
 * Assessment periods: a year ('2026'), a quarter ('2026-Q2') or a month ('2026-05'). The office
 * works on China Standard Time (UTC+8, no daylight saving), so an event at 2026-12-31T20:00Z
 * belongs to January 2027 — periods are cut on local dates, not UTC ones.
 */
export type Period =
  | { kind: 'YEAR'; year: number }
  | { kind: 'QUARTER'; year: number; quarter: number }
  | { kind: 'MONTH'; year: number; month: number };

/** Where an instant falls: the keys stored on every score entry and scoring event. */
export interface PeriodKeys {
  year: number;
  quarter: number;
  month: number;
}

const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** How much of a refused period the message repeats: the caller's text, never unbounded. */
const ECHOED_CHARS = 20;

export class InvalidPeriod extends DomainError {
  override readonly name = 'InvalidPeriod';
  constructor(text: string) {
    const shown =
      [...text].length > ECHOED_CHARS ? `${[...text].slice(0, ECHOED_CHARS).join('')}…` : text;
    super(`考核期间“${shown}”无效：请写成年份（2026）、季度（2026-Q2）或月份（2026-05）`, {
      code: 'BAD_USER_INPUT',
    });
  }
}

/** Why a year cannot be an assessment year, or null: the same range periods accept. */
export function assessmentYearProblem(year: number): string | null {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR
    ? null
    : `考核年度“${year}”无效：应在 ${MIN_YEAR} 到 ${MAX_YEAR} 年之间`;
}

export function parsePeriod(text: string): Period {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(text.trim());
  if (!match) throw new InvalidPeriod(text);
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new InvalidPeriod(text);
  if (match[2] !== undefined) return { kind: 'QUARTER', year, quarter: Number(match[2]) };
  if (match[3] !== undefined) return { kind: 'MONTH', year, month: Number(match[3]) };
  return { kind: 'YEAR', year };
}

export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case 'YEAR':
      return String(period.year);
    case 'QUARTER':
      return `${period.year}-Q${period.quarter}`;
    case 'MONTH':
      return `${period.year}-${String(period.month).padStart(2, '0')}`;
  }
}

export function periodKeysOf(instant: Date | string): PeriodKeys {
  const local = new Date(new Date(instant).getTime() + CHINA_STANDARD_TIME_OFFSET_MS);
  const month = local.getUTCMonth() + 1;
  return { year: local.getUTCFullYear(), quarter: Math.ceil(month / 3), month };
}

/** When a period begins: midnight China Standard Time on its first day. */
export function periodStart(period: Period): Date {
  const firstMonth =
    period.kind === 'YEAR'
      ? 1
      : period.kind === 'QUARTER'
        ? (period.quarter - 1) * 3 + 1
        : period.month;
  return new Date(Date.UTC(period.year, firstMonth - 1, 1) - CHINA_STANDARD_TIME_OFFSET_MS);
}

/** When a period ends (exclusive): midnight China Standard Time after its last day. */
export function periodEnd(period: Period): Date {
  const [firstMonth, months] =
    period.kind === 'YEAR'
      ? [1, 12]
      : period.kind === 'QUARTER'
        ? [(period.quarter - 1) * 3 + 1, 3]
        : [period.month, 1];
  return new Date(
    Date.UTC(period.year, firstMonth - 1 + months, 1) - CHINA_STANDARD_TIME_OFFSET_MS,
  );
}

/**
 * The instants a period written as text runs over, for services that filter on timestamps rather
 * than stored period keys: from (inclusive) to (exclusive). Bad text is an `InvalidPeriod`.
 */
export function periodRange(text: string): { from: Date; to: Date } {
  const period = parsePeriod(text);
  return { from: periodStart(period), to: periodEnd(period) };
}

/** The filter on stored period keys that selects one period. */
export function periodFilter(period: Period): Partial<PeriodKeys> {
  switch (period.kind) {
    case 'YEAR':
      return { year: period.year };
    case 'QUARTER':
      return { year: period.year, quarter: period.quarter };
    case 'MONTH':
      return { year: period.year, month: period.month };
  }
}

/** The period of `kind` an instant's keys fall in, e.g. the month a cap is counted over. */
export function periodContaining(keys: PeriodKeys, kind: Period['kind']): Period {
  switch (kind) {
    case 'YEAR':
      return { kind, year: keys.year };
    case 'QUARTER':
      return { kind, year: keys.year, quarter: keys.quarter };
    case 'MONTH':
      return { kind, year: keys.year, month: keys.month };
  }
}

/** The periods one step finer inside a period: a year's quarters, a quarter's months. */
export function subPeriods(period: Period): Period[] {
  switch (period.kind) {
    case 'YEAR':
      return [1, 2, 3, 4].map((quarter) => ({ kind: 'QUARTER', year: period.year, quarter }));
    case 'QUARTER': {
      const first = (period.quarter - 1) * 3 + 1;
      return [first, first + 1, first + 2].map((month) => ({
        kind: 'MONTH',
        year: period.year,
        month,
      }));
    }
    case 'MONTH':
      return [];
  }
}

/** The months a period spans, for monthly trends. */
export function monthsOf(period: Period): Period[] {
  if (period.kind === 'MONTH') return [period];
  const first = period.kind === 'QUARTER' ? (period.quarter - 1) * 3 + 1 : 1;
  const count = period.kind === 'QUARTER' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => ({
    kind: 'MONTH' as const,
    year: period.year,
    month: first + i,
  }));
}

/** How much of a year a period is: thresholds set for a year scale down to quarters and months. */
export function fractionOfYear(period: Period): number {
  return period.kind === 'YEAR' ? 1 : period.kind === 'QUARTER' ? 1 / 4 : 1 / 12;
}
