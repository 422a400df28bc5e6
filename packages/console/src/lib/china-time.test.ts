import { describe, expect, it } from 'vitest';
import { deadlineWords, formatChinaDate, formatChinaTime } from './china-time';

describe('China time', () => {
  it('given a UTC instant, when formatted, then it reads in China time (UTC+8)', () => {
    expect(formatChinaTime('2026-05-08T09:30:00Z')).toBe('2026/05/08 17:30');
    expect(formatChinaDate('2026-05-08T20:00:00Z')).toBe('2026/05/09');
  });

  it('given nothing or garbage, when formatted, then a dash is shown', () => {
    expect(formatChinaTime(null)).toBe('—');
    expect(formatChinaTime('yesterday')).toBe('—');
  });

  it('given deadlines around now, then they read as overdue, today or days left', () => {
    const now = Date.parse('2026-05-08T00:00:00Z');
    expect(deadlineWords('2026-05-06T00:00:00Z', now)).toBe('已逾期 2 天');
    expect(deadlineWords('2026-05-08T05:00:00Z', now)).toBe('今天到期');
    expect(deadlineWords('2026-05-10T12:00:00Z', now)).toBe('剩 3 天');
  });
});
