/** 进展汇报的频次: 随时汇报 (ad hoc), 每周, 每两周, 每月. */
export const REPORT_FREQUENCIES = ['AD_HOC', 'WEEKLY', 'BIWEEKLY', 'MONTHLY'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

const DAY_MS = 86_400_000;

/** One period of `frequency` after `from`; a month keeps the day of the month where it can. */
export function addPeriod(from: Date, frequency: Exclude<ReportFrequency, 'AD_HOC'>): Date {
  if (frequency === 'WEEKLY') return new Date(from.getTime() + 7 * DAY_MS);
  if (frequency === 'BIWEEKLY') return new Date(from.getTime() + 14 * DAY_MS);
  const next = new Date(from);
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
}

/** When the first report is due once a schedule is set at `setAt`; null for ad hoc reporting. */
export function firstReportDue(frequency: ReportFrequency, setAt: Date): Date | null {
  return frequency === 'AD_HOC' ? null : addPeriod(setAt, frequency);
}

/**
 * When the report after one made at `reportedAt` is due. A report fulfils the one currently due;
 * the schedule keeps its rhythm (every Friday stays every Friday): the next due date is the first
 * date of the series `due + period, due + 2 periods, …` that lies after the report, so a report
 * made early or late does not shift the days the assigner asked for.
 */
export function nextReportDue(
  frequency: ReportFrequency,
  due: Date | null,
  reportedAt: Date,
): Date | null {
  if (frequency === 'AD_HOC') return null;
  if (due === null) return addPeriod(reportedAt, frequency);
  let next = addPeriod(due, frequency);
  while (next.getTime() <= reportedAt.getTime()) next = addPeriod(next, frequency);
  return next;
}

/** Whether a report made at `reportedAt` came by the date the schedule asked for. */
export function isOnSchedule(due: Date | null, reportedAt: Date): boolean {
  return due === null || reportedAt.getTime() <= due.getTime();
}
