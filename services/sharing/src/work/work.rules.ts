import type { CirculationRecord } from '../circulation/circulation.model.js';
import type { ReadingRequestRecord } from '../distribution/distribution.model.js';

const HOUR_MS = 3_600_000;

/** Readings and circulations count as due soon within this window, as matters do. */
export const DUE_SOON_HOURS = 48;

export type WorkUrgency = 'OVERDUE' | 'DUE_SOON' | 'NORMAL';
export type CirculationAction = 'ACKNOWLEDGE' | 'RETURN' | 'SKIP_NEXT';

/** The parent of every `Work` field: whose work it is. */
export interface WorkRef {
  staffId: string;
}

export interface WorkReadingItem {
  reading: ReadingRequestRecord;
  urgency: WorkUrgency;
  dueAt: Date;
  actions: 'ACKNOWLEDGE'[];
}

export interface WorkCirculationItem {
  circulation: CirculationRecord;
  urgency: WorkUrgency;
  dueAt: Date;
  actions: CirculationAction[];
}

/** Overdue once `dueAt` has passed; due soon within `DUE_SOON_HOURS` of it. */
export function urgencyOf(dueAt: Date, now: Date): WorkUrgency {
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'OVERDUE';
  return left <= DUE_SOON_HOURS * HOUR_MS ? 'DUE_SOON' : 'NORMAL';
}

/**
 * What the holder can do where the document is on its route: always pass it on; send it back
 * unless they are the first reader; pass over the next reader unless they are the last.
 */
export function circulationActions(
  circulation: Pick<CirculationRecord, 'position' | 'route'>,
): CirculationAction[] {
  const actions: CirculationAction[] = ['ACKNOWLEDGE'];
  if (circulation.position > 0) actions.push('RETURN');
  if (circulation.position < circulation.route.length - 1) actions.push('SKIP_NEXT');
  return actions;
}
