import { describe, expect, it } from 'vitest';
import { chinaWeekContaining, formatChinaTime } from './china-time.js';

describe('chinaWeekContaining', () => {
  it('runs from Monday 00:00 to the next Monday 00:00 China time', () => {
    // Thursday 26 November 2026, 10:00 in Harbin.
    expect(chinaWeekContaining(new Date('2026-11-26T10:00:00+08:00'))).toEqual({
      start: new Date('2026-11-23T00:00:00+08:00'),
      end: new Date('2026-11-30T00:00:00+08:00'),
    });
  });

  it('puts Sunday night in the week that began six days earlier, and Monday 00:00 in a new one', () => {
    expect(chinaWeekContaining(new Date('2026-11-29T23:59:00+08:00')).start).toEqual(
      new Date('2026-11-23T00:00:00+08:00'),
    );
    expect(chinaWeekContaining(new Date('2026-11-30T00:00:00+08:00')).start).toEqual(
      new Date('2026-11-30T00:00:00+08:00'),
    );
  });

  it('uses China time even where UTC is still on the previous day', () => {
    // Monday 07:00 in Harbin is Sunday 23:00 UTC.
    expect(chinaWeekContaining(new Date('2026-11-29T23:00:00Z')).start).toEqual(
      new Date('2026-11-30T00:00:00+08:00'),
    );
  });
});

describe('formatChinaTime', () => {
  it('shows the instant in China time', () => {
    expect(formatChinaTime(new Date('2026-12-01T09:00:00Z'))).toBe('2026年12月1日 17:00');
  });
});
