import type { MeetingRecord } from '../meetings/meeting.model.js';
import type { StepRecord } from '../workflows/workflow.model.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** China keeps one offset all year, so a week there is a fixed span of UTC. */
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** Steps count as due soon within this window, as matters and readings do. */
export const DUE_SOON_HOURS = 48;

export type WorkUrgency = 'OVERDUE' | 'DUE_SOON' | 'NORMAL';
export type WorkStepAction = 'CLAIM' | 'COMPLETE' | 'DELEGATE' | 'RETURN';

/** The parent of every `Work` field: whose work it is. */
export interface WorkRef {
  staffId: string;
}

export interface WorkWorkflowStepItem {
  step: StepRecord;
  urgency: WorkUrgency;
  dueAt: Date;
  actions: WorkStepAction[];
}

export interface WorkMeetingList {
  totalCount: number;
  items: MeetingRecord[];
}

/** Overdue once `dueAt` has passed; due soon within `DUE_SOON_HOURS` of it. */
export function urgencyOf(dueAt: Date, now: Date): WorkUrgency {
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'OVERDUE';
  return left <= DUE_SOON_HOURS * HOUR_MS ? 'DUE_SOON' : 'NORMAL';
}

/**
 * What the person can do with an open step on their list (one they claimed, or unclaimed in their
 * division): claim it while nobody has; complete or hand it on; send it back unless it is the
 * case's first step, which has nothing before it to return to.
 */
export function stepActions(step: Pick<StepRecord, 'status' | 'sequence'>): WorkStepAction[] {
  const actions: WorkStepAction[] = [];
  if (step.status === 'OPEN') actions.push('CLAIM');
  actions.push('COMPLETE', 'DELEGATE');
  if (step.sequence > 1) actions.push('RETURN');
  return actions;
}

/** Monday 00:00 to the next Monday 00:00 in China time, around `now`. */
export function chinaWeekAround(now: Date): { from: Date; to: Date } {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const mondayLocal = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate() - sinceMonday,
  );
  const from = new Date(mondayLocal - CHINA_OFFSET_MS);
  return { from, to: new Date(from.getTime() + 7 * DAY_MS) };
}
