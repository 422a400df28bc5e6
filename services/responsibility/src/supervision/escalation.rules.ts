import { assignmentEvents } from '@heli/event-contracts';
import type { EscalationLevel } from '../assignments/assignment.model.js';
import {
  WORK_OWED_STATUSES,
  type AssignmentStatus,
} from '../assignments/assignment-lifecycle.rules.js';
import type { SupervisionSettings } from './supervision-settings.js';

const HOUR_MS = 3_600_000;
const LADDER = assignmentEvents.ESCALATION_LEVELS;

export const ESCALATION_LABELS: Record<EscalationLevel, string> = {
  BLUE: '蓝色提醒',
  ORANGE: '橙色预警',
  RED: '红色督办',
};

/** Overdue: the deadline has passed and the division still owes the work. */
export function isOverdue(
  matter: { status: AssignmentStatus; deadline: Date },
  now: Date,
): boolean {
  return WORK_OWED_STATUSES.includes(matter.status) && matter.deadline.getTime() < now.getTime();
}

/**
 * The level a matter's lateness calls for: BLUE from the moment its deadline passes, ORANGE
 * after `orangeAfterHours`, RED after `redAfterHours`; null while it is not late.
 */
export function escalationLevelFor(
  deadline: Date,
  now: Date,
  settings: Pick<SupervisionSettings, 'orangeAfterHours' | 'redAfterHours'>,
): EscalationLevel | null {
  const lateMs = now.getTime() - deadline.getTime();
  if (lateMs <= 0) return null;
  if (lateMs >= settings.redAfterHours * HOUR_MS) return 'RED';
  if (lateMs >= settings.orangeAfterHours * HOUR_MS) return 'ORANGE';
  return 'BLUE';
}

/**
 * The rungs to climb from `current` to `target`, in order. A matter never skips a rung — a
 * scheduler that was down for a week still announces BLUE, ORANGE and RED — and never steps down.
 */
export function escalationSteps(
  current: EscalationLevel | null,
  target: EscalationLevel | null,
): EscalationLevel[] {
  if (target === null) return [];
  const from = current === null ? 0 : LADDER.indexOf(current) + 1;
  return LADDER.slice(from, LADDER.indexOf(target) + 1);
}

/** Whether the automatic reminder before the deadline is due now (it goes out once per deadline). */
export function deadlineReminderDue(
  matter: { status: AssignmentStatus; deadline: Date; deadlineReminderFor: Date | null },
  now: Date,
  settings: Pick<SupervisionSettings, 'reminderBeforeHours'>,
): boolean {
  if (!WORK_OWED_STATUSES.includes(matter.status)) return false;
  const untilDeadline = matter.deadline.getTime() - now.getTime();
  if (untilDeadline <= 0 || untilDeadline > settings.reminderBeforeHours * HOUR_MS) return false;
  return matter.deadlineReminderFor?.getTime() !== matter.deadline.getTime();
}
