import { describe, expect, it } from 'vitest';
import { circulationActions, urgencyOf } from './work.rules.js';

const now = new Date('2026-11-26T09:00:00Z');
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe('urgency of a reading or circulation', () => {
  it('is overdue once the due time has passed, due soon within 48 hours, normal after', () => {
    expect(urgencyOf(hoursFromNow(-1), now)).toBe('OVERDUE');
    expect(urgencyOf(hoursFromNow(47), now)).toBe('DUE_SOON');
    expect(urgencyOf(hoursFromNow(49), now)).toBe('NORMAL');
  });
});

describe('what the holder of a circulation can do', () => {
  const route = ['a', 'b', 'c'];

  it('the first reader cannot send it back', () => {
    expect(circulationActions({ route, position: 0 })).toEqual(['ACKNOWLEDGE', 'SKIP_NEXT']);
  });

  it('a reader in the middle can pass it on, send it back or pass over the next', () => {
    expect(circulationActions({ route, position: 1 })).toEqual([
      'ACKNOWLEDGE',
      'RETURN',
      'SKIP_NEXT',
    ]);
  });

  it('the last reader has nobody to pass over', () => {
    expect(circulationActions({ route, position: 2 })).toEqual(['ACKNOWLEDGE', 'RETURN']);
  });
});
