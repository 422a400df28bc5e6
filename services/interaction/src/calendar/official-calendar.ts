import { createRequire } from 'node:module';
import {
  DEFAULT_OFFICE_HOURS,
  type CalendarData,
  type WorkingCalendar,
} from './working-calendar.js';

/**
 * China's official holidays and make-up working days as the State Council publishes them each
 * year, from the maintained `chinese-days` package (its `dist/chinese-days.json`: `holidays` and
 * `workdays` keyed by `YYYY-MM-DD`). A new year's schedule arrives by updating the package.
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let cached: CalendarData | undefined;

export function officialCalendarData(): CalendarData {
  if (cached) return cached;
  const data = createRequire(import.meta.url)(
    'chinese-days/dist/chinese-days.json',
  ) as ChineseDaysData;
  const holidays = new Set(Object.keys(data.holidays));
  const makeUpWorkdays = new Set(Object.keys(data.workdays));
  const years = new Set([...holidays, ...makeUpWorkdays].map((day) => Number(day.slice(0, 4))));
  cached = { holidays, makeUpWorkdays, years };
  return cached;
}

export function officialCalendar(): WorkingCalendar {
  return { data: officialCalendarData(), hours: DEFAULT_OFFICE_HOURS };
}
