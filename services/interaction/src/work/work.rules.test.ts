import { describe, expect, it } from 'vitest';
import { chinaWeekAround, stepActions, urgencyOf } from './work.rules.js';

describe('chinaWeekAround', () => {
  it('runs from Monday 00:00 to the next Monday in China time', () => {
    // Sunday 2026-03-08 20:00 UTC is already Monday 04:00 in China: a new week.
    expect(chinaWeekAround(new Date('2026-03-08T20:00:00Z'))).toEqual({
      from: new Date('2026-03-08T16:00:00Z'),
      to: new Date('2026-03-15T16:00:00Z'),
    });
    // Sunday 2026-03-08 15:00 UTC is Sunday 23:00 in China: still the week before.
    expect(chinaWeekAround(new Date('2026-03-08T15:00:00Z')).from).toEqual(
      new Date('2026-03-01T16:00:00Z'),
    );
  });
});

describe('stepActions', () => {
  it('offers claiming only while nobody has, and returning only past the first step', () => {
    expect(stepActions({ status: 'OPEN', sequence: 1 })).toEqual(['CLAIM', 'COMPLETE', 'DELEGATE']);
    expect(stepActions({ status: 'CLAIMED', sequence: 3 })).toEqual([
      'COMPLETE',
      'DELEGATE',
      'RETURN',
    ]);
  });
});

describe('urgencyOf', () => {
  const now = new Date('2026-03-05T00:00:00Z');
  it('is overdue past the due time and due soon within 48 hours', () => {
    expect(urgencyOf(new Date('2026-03-04T23:00:00Z'), now)).toBe('OVERDUE');
    expect(urgencyOf(new Date('2026-03-07T00:00:00Z'), now)).toBe('DUE_SOON');
    expect(urgencyOf(new Date('2026-03-07T01:00:00Z'), now)).toBe('NORMAL');
  });
});
