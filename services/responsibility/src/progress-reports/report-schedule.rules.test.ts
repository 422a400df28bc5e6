import { describe, expect, it } from 'vitest';
import { addPeriod, firstReportDue, isOnSchedule, nextReportDue } from './report-schedule.rules.js';

const at = (iso: string) => new Date(iso);

describe('report schedule', () => {
  it('asks for nothing when reporting is ad hoc', () => {
    expect(firstReportDue('AD_HOC', at('2026-11-26T00:00:00Z'))).toBeNull();
    expect(nextReportDue('AD_HOC', null, at('2026-11-26T00:00:00Z'))).toBeNull();
  });

  it('makes the first weekly report due a week after the schedule is set', () => {
    expect(firstReportDue('WEEKLY', at('2026-11-27T09:00:00Z'))).toEqual(
      at('2026-12-04T09:00:00Z'),
    );
  });

  it('keeps the rhythm whether a report comes early or late', () => {
    const due = at('2026-12-04T09:00:00Z');
    expect(nextReportDue('WEEKLY', due, at('2026-12-02T10:00:00Z'))).toEqual(
      at('2026-12-11T09:00:00Z'),
    );
    expect(nextReportDue('WEEKLY', due, at('2026-12-12T10:00:00Z'))).toEqual(
      at('2026-12-18T09:00:00Z'),
    );
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addPeriod(at('2026-01-31T09:00:00Z'), 'MONTHLY')).toEqual(at('2026-02-28T09:00:00Z'));
    expect(addPeriod(at('2026-12-15T09:00:00Z'), 'MONTHLY')).toEqual(at('2027-01-15T09:00:00Z'));
    expect(addPeriod(at('2026-12-15T09:00:00Z'), 'BIWEEKLY')).toEqual(at('2026-12-29T09:00:00Z'));
  });

  it('counts a report on the due date as on schedule, one after it as late', () => {
    const due = at('2026-12-04T09:00:00Z');
    expect(isOnSchedule(due, due)).toBe(true);
    expect(isOnSchedule(due, at('2026-12-04T09:00:01Z'))).toBe(false);
    expect(isOnSchedule(null, at('2030-01-01T00:00:00Z'))).toBe(true);
  });
});
