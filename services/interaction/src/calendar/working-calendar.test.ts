import { describe, expect, it } from 'vitest';
import { officialCalendar } from './official-calendar.js';
import {
  addWorkingDays,
  addWorkingHours,
  chinaDay,
  DEFAULT_OFFICE_HOURS,
  isWorkingDay,
  type WorkingCalendar,
} from './working-calendar.js';

const official = officialCalendar();
const china = (local: string) => new Date(`${local}+08:00`);

describe('addWorkingDays on the official calendar', () => {
  it('given a 3-working-day step started the day before National Day 2025, when counted, then it skips the eight days off and ends on the make-up Saturday', () => {
    // 2025-10-01…08 are off; Saturday 2025-10-11 is a make-up working day (调休上班).
    expect(addWorkingDays(official, china('2025-09-30T10:00:00'), 3)).toEqual(
      china('2025-10-11T17:30:00'),
    );
  });

  it('given a step started on a Friday, when counted, then the weekend does not count', () => {
    expect(addWorkingDays(official, china('2026-11-27T15:00:00'), 1)).toEqual(
      china('2026-11-30T17:30:00'),
    );
  });

  it('given a make-up working Sunday, when counted, then it counts as a working day', () => {
    // Sunday 2026-09-20 is worked for the Mid-Autumn/National Day break.
    expect(addWorkingDays(official, china('2026-09-19T09:00:00'), 1)).toEqual(
      china('2026-09-20T17:30:00'),
    );
  });

  it('given a public holiday on a weekday, when counted, then it is skipped', () => {
    // 2026-01-01 (Thursday) and 2026-01-02 (Friday) are New Year holidays; 2026-01-04 is worked.
    expect(addWorkingDays(official, china('2025-12-31T09:00:00'), 1)).toEqual(
      china('2026-01-04T17:30:00'),
    );
  });
});

describe('addWorkingHours on the official calendar', () => {
  it('given 4 hours started at 16:00 the day before National Day 2025, when counted, then 1.5 h that day and the rest on the first working morning after', () => {
    expect(addWorkingHours(official, china('2025-09-30T16:00:00'), 4)).toEqual(
      china('2025-10-09T11:00:00'),
    );
  });

  it('given a start over lunch, when counted, then the lunch break is not working time', () => {
    expect(addWorkingHours(official, china('2026-11-30T12:15:00'), 1)).toEqual(
      china('2026-11-30T14:30:00'),
    );
  });

  it('given a start before office hours, when counted, then the hours begin at 8:30', () => {
    expect(addWorkingHours(official, china('2026-11-30T06:00:00'), 2)).toEqual(
      china('2026-11-30T10:30:00'),
    );
  });
});

describe('calendar data', () => {
  const calendar: WorkingCalendar = {
    data: {
      holidays: new Set(['2030-05-01']),
      makeUpWorkdays: new Set(['2030-05-04']),
      years: new Set([2030]),
    },
    hours: DEFAULT_OFFICE_HOURS,
  };

  it('is taken from what is passed in, so another year is a matter of data', () => {
    expect(isWorkingDay(calendar.data, '2030-05-01')).toBe(false); // Wednesday, holiday
    expect(isWorkingDay(calendar.data, '2030-05-04')).toBe(true); // Saturday, make-up
    expect(isWorkingDay(calendar.data, '2030-05-05')).toBe(false); // Sunday
  });

  it('reads days in China time whatever the instant’s own zone', () => {
    expect(chinaDay(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
  });

  it('refuses a limit of no days', () => {
    expect(() => addWorkingDays(calendar, new Date(), 0)).toThrow(RangeError);
  });
});
