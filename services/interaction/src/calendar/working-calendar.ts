/**
 * The working-day calendar every 时限 counts on: China's public holidays and make-up working days
 * (调休) as data, and the office's hours, all in China Standard Time (UTC+8, no daylight saving)
 * whatever time zone the server runs in. Pure: the data is passed in, so tests give their own.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days as `YYYY-MM-DD` in China time. */
export interface CalendarData {
  /** 法定节假日: days off even when they fall on a weekday. */
  holidays: ReadonlySet<string>;
  /** 调休上班日: weekend days that are working days. */
  makeUpWorkdays: ReadonlySet<string>;
  /** The years the data covers; beyond them only weekends are days off. */
  years: ReadonlySet<number>;
}

/** A span of office hours in minutes after midnight, China time: [start, end). */
export interface OfficeSpan {
  start: number;
  end: number;
}

/** 上午 8:30–12:00, 下午 13:30–17:30: the office's default hours (7.5 working hours a day). */
export const DEFAULT_OFFICE_HOURS: readonly OfficeSpan[] = [
  { start: 8 * 60 + 30, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 17 * 60 + 30 },
];

export interface WorkingCalendar {
  data: CalendarData;
  hours: readonly OfficeSpan[];
}

/** The China-time calendar day of an instant, `YYYY-MM-DD`. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight (China time) starting the given day, as an instant. */
function chinaMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(data: CalendarData, day: string): boolean {
  if (data.makeUpWorkdays.has(day)) return true;
  if (data.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Whether the calendar has the official data for the year of the day (holidays are known). */
export function coversDay(data: CalendarData, day: string): boolean {
  return data.years.has(Number(day.slice(0, 4)));
}

const MAX_DAYS_SEARCHED = 3_660;

/**
 * The due time of a limit of `days` working days started at `start`: the close of office hours on
 * the `days`-th working day after the start day. The start day itself is not counted (期间开始的
 * 当日不计入, as statutory periods are counted), so work handed over at 17:00 is not a day short.
 */
export function addWorkingDays(calendar: WorkingCalendar, start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive integer');
  const closing = Math.max(...calendar.hours.map((span) => span.end));
  let day = chinaDay(start);
  let counted = 0;
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
    day = nextDay(day);
    if (isWorkingDay(calendar.data, day) && ++counted === days) {
      return new Date(chinaMidnight(day) + closing * MINUTE_MS);
    }
  }
  throw new RangeError('no working day found within ten years');
}

/**
 * The due time of a limit of `hours` working hours started at `start`: office time is consumed
 * span by span on working days only, so a 4-hour step started at 16:00 on a Friday before a
 * holiday runs on into the first working morning after it.
 */
export function addWorkingHours(calendar: WorkingCalendar, start: Date, hours: number): Date {
  if (!(hours > 0)) throw new RangeError('hours must be positive');
  let remaining = Math.round(hours * 60) * MINUTE_MS;
  let day = chinaDay(start);
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++, day = nextDay(day)) {
    if (!isWorkingDay(calendar.data, day)) continue;
    const midnight = chinaMidnight(day);
    for (const span of calendar.hours) {
      const from = Math.max(midnight + span.start * MINUTE_MS, start.getTime());
      const to = midnight + span.end * MINUTE_MS;
      if (to <= from) continue;
      if (to - from >= remaining) return new Date(from + remaining);
      remaining -= to - from;
    }
  }
  throw new RangeError('no working time found within ten years');
}

/** A time limit as a template states it: working days or working hours. */
export interface TimeLimit {
  unit: 'WORKING_DAYS' | 'WORKING_HOURS';
  amount: number;
}

export function dueTime(calendar: WorkingCalendar, start: Date, limit: TimeLimit): Date {
  return limit.unit === 'WORKING_DAYS'
    ? addWorkingDays(calendar, start, limit.amount)
    : addWorkingHours(calendar, start, limit.amount);
}
