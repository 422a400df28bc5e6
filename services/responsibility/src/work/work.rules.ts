import { hasRole, isOfficeLeader, type HeliClaims } from '@heli/auth';
import type { FilterQuery } from 'mongoose';
import {
  OPEN_STATUSES,
  WORK_OWED_STATUSES,
  type AssignmentAction,
} from '../assignments/assignment-lifecycle.rules.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import { UNRESOLVED_STATUSES } from '../difficulties/difficulties.rules.js';
import type { DifficultyRecord } from '../difficulties/difficulty.model.js';
import type { ReminderRecord } from '../supervision/reminder.model.js';

type Viewer = Pick<HeliClaims, 'sub' | 'divisionId' | 'roles'>;

const HOUR_MS = 3_600_000;

export type WorkInvolvement = 'RESPONSIBLE' | 'LEAD_DIVISION' | 'CO_DIVISION' | 'ASSIGNER';
export type WorkUrgency = 'OVERDUE' | 'DUE_SOON' | 'NORMAL';

/** A matter on someone's work list (the `WorkMatter` type's parent). */
export interface WorkMatterItem {
  matter: AssignmentRecord;
  involvement: WorkInvolvement[];
  urgency: WorkUrgency;
  dueAt: Date;
}

export type WorkDifficultyInvolvement =
  'RAISED_BY_ME' | 'RAISED_BY_MY_DIVISION' | 'RESOLVER' | 'AWAITING_RESOLVER';
export type DifficultyAction = 'ASSIGN_RESOLVER' | 'RESOLVE';

export interface WorkDifficultyItem {
  difficulty: DifficultyRecord;
  involvement: WorkDifficultyInvolvement;
  actions: DifficultyAction[];
}

export interface WorkReminderItem {
  reminder: ReminderRecord;
}

/**
 * The matters on a person's list: under way, and theirs to handle (responsible, or their division
 * leads or co-organises it) — or, for the one who assigned it, a result waiting for acceptance.
 * Visibility is joined separately, so nothing above the person's clearance is ever listed.
 */
export function myMattersQuery(viewer: Viewer): FilterQuery<AssignmentRecord> {
  const mine: FilterQuery<AssignmentRecord>[] = [
    { responsibleStaffIds: viewer.sub },
    { assignedByStaffId: viewer.sub, status: 'RESULT_SUBMITTED' },
  ];
  if (viewer.divisionId !== null) {
    mine.push({ leadDivisionId: viewer.divisionId }, { coDivisionIds: viewer.divisionId });
  }
  return { status: { $in: [...OPEN_STATUSES] }, $or: mine };
}

/**
 * The matters whose scheduled progress report the person must write: those they handle (the
 * handling side, as `isHandlerSide`) with a report due before `horizon`.
 */
export function reportsDueQuery(viewer: Viewer, horizon: Date): FilterQuery<AssignmentRecord> {
  return {
    status: { $in: [...WORK_OWED_STATUSES] },
    nextReportDueAt: { $ne: null, $lt: horizon },
    $or: handlerSide(viewer),
  };
}

/** The matters a reminder to the person is about: those on which they are the handling side. */
export function remindedMattersQuery(viewer: Viewer): FilterQuery<AssignmentRecord> {
  return { status: { $in: [...OPEN_STATUSES] }, $or: handlerSide(viewer) };
}

function handlerSide(viewer: Viewer): FilterQuery<AssignmentRecord>[] {
  const side: FilterQuery<AssignmentRecord>[] = [{ responsibleStaffIds: viewer.sub }];
  if (viewer.divisionId !== null && hasRole(viewer, 'DIVISION_HEAD')) {
    side.push({ leadDivisionId: viewer.divisionId });
  }
  return side;
}

/** Why a matter is on the person's list, most direct first. */
export function involvementIn(viewer: Viewer, matter: AssignmentRecord): WorkInvolvement[] {
  const involvement: WorkInvolvement[] = [];
  if (matter.responsibleStaffIds.includes(viewer.sub)) involvement.push('RESPONSIBLE');
  if (viewer.divisionId !== null && matter.leadDivisionId === viewer.divisionId) {
    involvement.push('LEAD_DIVISION');
  }
  if (viewer.divisionId !== null && matter.coDivisionIds.includes(viewer.divisionId)) {
    involvement.push('CO_DIVISION');
  }
  if (matter.assignedByStaffId === viewer.sub) involvement.push('ASSIGNER');
  return involvement;
}

/** Overdue once `dueAt` has passed; due soon within `windowHours` of it. */
export function urgencyOf(dueAt: Date, now: Date, windowHours: number): WorkUrgency {
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'OVERDUE';
  return left <= windowHours * HOUR_MS ? 'DUE_SOON' : 'NORMAL';
}

/**
 * A matter's urgency on a work list: by its deadline while the division owes the work; a result
 * already submitted waits on the assigner, whose acceptance has no time limit of its own.
 */
export function matterUrgency(
  matter: Pick<AssignmentRecord, 'status' | 'deadline'>,
  now: Date,
  windowHours: number,
): WorkUrgency {
  if (!WORK_OWED_STATUSES.includes(matter.status)) return 'NORMAL';
  return urgencyOf(matter.deadline, now, windowHours);
}

/**
 * The unresolved difficulties on a person's list: those they raised or must resolve; a division
 * head's also those of their division; office leadership's also those nobody resolves yet.
 */
export function myDifficultiesQuery(viewer: Viewer): FilterQuery<DifficultyRecord> {
  const mine: FilterQuery<DifficultyRecord>[] = [
    { raisedByStaffId: viewer.sub },
    { resolverStaffId: viewer.sub },
  ];
  if (viewer.divisionId !== null && hasRole(viewer, 'DIVISION_HEAD')) {
    mine.push({ divisionId: viewer.divisionId });
  }
  if (isOfficeLeader(viewer)) mine.push({ status: 'OPEN' });
  return { status: { $in: [...UNRESOLVED_STATUSES] }, $or: mine };
}

/** Why a difficulty is on the list and what the person can do about it. */
export function difficultyItem(viewer: Viewer, difficulty: DifficultyRecord): WorkDifficultyItem {
  const leader = isOfficeLeader(viewer);
  const actions: DifficultyAction[] = [];
  if (leader) actions.push('ASSIGN_RESOLVER');
  if (leader || difficulty.resolverStaffId === viewer.sub) actions.push('RESOLVE');
  return { difficulty, involvement: difficultyInvolvement(viewer, difficulty), actions };
}

function difficultyInvolvement(
  viewer: Viewer,
  difficulty: DifficultyRecord,
): WorkDifficultyInvolvement {
  if (difficulty.resolverStaffId === viewer.sub) return 'RESOLVER';
  if (difficulty.raisedByStaffId === viewer.sub) return 'RAISED_BY_ME';
  if (difficulty.divisionId === viewer.divisionId) return 'RAISED_BY_MY_DIVISION';
  return 'AWAITING_RESOLVER';
}

/** The actions a work item offers: those the matter's own `availableActions` offers. */
export type ActionsOf = (matter: AssignmentRecord) => Promise<AssignmentAction[]>;
