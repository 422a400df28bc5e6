import { describe, expect, it } from 'vitest';
import { chinaWeek, isChinaToday, matterClick, meetingsThisWeek } from './workbench';

describe('workbench', () => {
  it('given a matter awaiting 签收, then one click accepts it on the 工作台', () => {
    expect(matterClick(['ACCEPT', 'RETURN'])).toEqual({ kind: 'accept' });
  });

  it('given steps that need a form, then the click opens the matter named by the step', () => {
    expect(matterClick(['REPORT_PROGRESS', 'SUBMIT_RESULT'])).toEqual({
      kind: 'open',
      label: '汇报进展',
    });
    expect(matterClick(['COMPLETE', 'RETURN'])).toEqual({ kind: 'open', label: '审核办结' });
    expect(matterClick([])).toEqual({ kind: 'open', label: '查看' });
  });

  it('given a Sunday evening in Beijing (still Sunday morning in UTC), then the week runs from the Monday before', () => {
    // 2026-05-10 is a Sunday; 20:00 in Beijing is 12:00 UTC.
    const { start, end } = chinaWeek(Date.parse('2026-05-10T12:00:00Z'));
    expect(new Date(start).toISOString()).toBe('2026-05-03T16:00:00.000Z'); // Mon 05-04 00:00 +08
    expect(new Date(end).toISOString()).toBe('2026-05-10T16:00:00.000Z');
  });

  it('given a Monday 01:00 in Beijing (Sunday in UTC), then the week starts that Monday', () => {
    const { start } = chinaWeek(Date.parse('2026-05-10T17:00:00Z'));
    expect(new Date(start).toISOString()).toBe('2026-05-10T16:00:00.000Z');
  });

  it('given meetings around the week, then only this week’s are kept, earliest first', () => {
    const now = Date.parse('2026-05-06T02:00:00Z'); // Wednesday
    const kept = meetingsThisWeek(
      [
        { id: 'next-monday', startsAt: '2026-05-10T16:30:00Z' },
        { id: 'friday', startsAt: '2026-05-08T01:00:00Z' },
        { id: 'last-sunday', startsAt: '2026-05-03T10:00:00Z' },
        { id: 'monday', startsAt: '2026-05-04T01:00:00Z' },
      ],
      now,
    );
    expect(kept.map((m) => m.id)).toEqual(['monday', 'friday']);
  });

  it('tells the office day apart from the UTC day', () => {
    const now = Date.parse('2026-05-08T17:00:00Z'); // 05-09 01:00 in Beijing
    expect(isChinaToday('2026-05-09T02:00:00Z', now)).toBe(true);
    expect(isChinaToday('2026-05-08T10:00:00Z', now)).toBe(false);
  });
});
