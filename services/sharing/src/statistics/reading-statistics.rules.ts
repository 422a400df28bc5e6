import { hasRole, isOfficeLeader, type HeliClaims } from '@heli/auth';
import type { ReadingRequestRecord } from '../distribution/distribution.model.js';
import { readableClassifications } from '../access/visibility.rules.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The year in China time as the half-open range of instants it spans. */
export function chinaYear(year: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS),
    end: new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS),
  };
}

/**
 * Which readings a viewer's figures count: analysts and office leadership every division's
 * within their clearance, everybody else their own division's (nothing without a division).
 */
export function readingCountFilter(
  viewer: Pick<HeliClaims, 'roles' | 'divisionId' | 'clearance'>,
): Record<string, unknown> {
  const withinClearance = { classification: { $in: readableClassifications(viewer.clearance) } };
  if (isOfficeLeader(viewer) || hasRole(viewer, 'ANALYST')) {
    return { ...withinClearance, divisionId: { $ne: null } };
  }
  if (viewer.divisionId === null) return { _id: { $in: [] } };
  return { ...withinClearance, divisionId: viewer.divisionId };
}

export type CountedReading = Pick<
  ReadingRequestRecord,
  'divisionId' | 'dueAt' | 'acknowledgedAt' | 'onTime'
>;

export interface ReadingRate {
  divisionId: string;
  month: string;
  due: number;
  acknowledged: number;
  acknowledgedOnTime: number;
  onTimeRate: number;
}

/** Readings by division × month due (China time), in division and month order. */
export function readingRates(readings: readonly CountedReading[]): ReadingRate[] {
  const rates = new Map<string, ReadingRate>();
  for (const reading of readings) {
    if (reading.divisionId === null) continue;
    const month = new Date(reading.dueAt.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
    const key = `${reading.divisionId}|${month}`;
    const rate = rates.get(key) ?? {
      divisionId: reading.divisionId,
      month,
      due: 0,
      acknowledged: 0,
      acknowledgedOnTime: 0,
      onTimeRate: 0,
    };
    rate.due += 1;
    if (reading.acknowledgedAt !== null) rate.acknowledged += 1;
    if (reading.onTime === true) rate.acknowledgedOnTime += 1;
    rate.onTimeRate = Math.round((rate.acknowledgedOnTime / rate.due) * 10_000) / 10_000;
    rates.set(key, rate);
  }
  return [...rates.values()].sort(
    (a, b) => a.divisionId.localeCompare(b.divisionId) || a.month.localeCompare(b.month),
  );
}
