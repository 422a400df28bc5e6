import type { WorkingCalendar } from './calendar/working-calendar.js';
import type { Clock } from './clock.js';

/** What the feature modules are built with, besides the per-request context. */
export interface InteractionDependencies {
  clock: Clock;
  calendar: WorkingCalendar;
  /** Working days an absent division is given to read a meeting's minutes. */
  minutesReadingDays: number;
  /** The most research topics one person may be on at once. */
  maxTopicsPerResearcher: number;
  /** The research office (调研室), which runs joint research and may change any topic's team. */
  researchOfficeDivisionId: string;
}
