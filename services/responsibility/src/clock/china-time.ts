/**
 * The office works on China Standard Time (UTC+8, no daylight saving): "this week" and the times
 * in reminder texts are in it, whatever time zone the server runs in.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const chinaTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** e.g. 2026年12月1日 17:00 */
export function formatChinaTime(instant: Date): string {
  return chinaTimeFormat.format(instant);
}

/** The week (Monday 00:00 to the next Monday 00:00, China time) that `now` falls in. */
export function chinaWeekContaining(now: Date): { start: Date; end: Date } {
  const local = now.getTime() + CHINA_OFFSET_MS;
  const localMidnight = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  const dayOfWeek = new Date(localMidnight).getUTCDay(); // 0 = Sunday
  const daysSinceMonday = (dayOfWeek + 6) % 7;
  const start = localMidnight - daysSinceMonday * DAY_MS - CHINA_OFFSET_MS;
  return { start: new Date(start), end: new Date(start + 7 * DAY_MS) };
}

/** The month an instant falls in, China time, e.g. `2026-05`. */
export function chinaMonthOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** The calendar year in China time, as the half-open range of instants it spans. */
export function chinaYear(year: number): { start: Date; end: Date } {
  const start = Date.UTC(year, 0, 1) - CHINA_OFFSET_MS;
  return { start: new Date(start), end: new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS) };
}
