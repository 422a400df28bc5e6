/** When supervision reminds and escalates; the service's env sets them (see env.ts). */
export interface SupervisionSettings {
  /** An automatic reminder goes out this long before a matter's deadline. */
  reminderBeforeHours: number;
  /** A late matter (BLUE from its deadline on) turns ORANGE this long after the deadline. */
  orangeAfterHours: number;
  /** … and RED this long after the deadline. */
  redAfterHours: number;
  /** How often each replica runs the supervision tick; 0 runs it only when called. */
  schedulerIntervalMs: number;
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  reminderBeforeHours: 48,
  orangeAfterHours: 72,
  redAfterHours: 168,
  schedulerIntervalMs: 60_000,
};
