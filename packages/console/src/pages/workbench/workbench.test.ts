import { describe, expect, it } from 'vitest';
import { dueSoonCutoff, reportsDue } from './workbench';

const now = Date.parse('2026-05-08T00:00:00Z');

describe('workbench', () => {
  it('looks a week ahead for deadlines', () => {
    expect(dueSoonCutoff(now)).toBe('2026-05-15T00:00:00.000Z');
  });

  it('given matters with report dates, then only reports owed within three days are listed, soonest first', () => {
    const due = reportsDue(
      [
        { id: 'a', nextReportDueAt: '2026-05-10T00:00:00Z' },
        { id: 'b', nextReportDueAt: null },
        { id: 'c', nextReportDueAt: '2026-05-20T00:00:00Z' },
        { id: 'd', nextReportDueAt: '2026-05-07T00:00:00Z' },
      ],
      now,
    );
    expect(due.map((m) => m.id)).toEqual(['d', 'a']);
  });
});
