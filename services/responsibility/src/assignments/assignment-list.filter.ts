import type { FilterQuery } from 'mongoose';
import type { PageRequest } from '@heli/subgraph-runtime';
import { WORK_OWED_STATUSES, type AssignmentStatus } from './assignment-lifecycle.rules.js';
import type { AssignmentRecord, AssignmentSource, EscalationLevel } from './assignment.model.js';

/** The filters every matter list takes; a filter left out (or null) does not narrow the list. */
export interface AssignmentListFilter {
  status?: AssignmentStatus[] | null;
  /** Matters this division leads or co-organises. */
  divisionId?: string | null;
  /** Matters this division leads. */
  leadDivisionId?: string | null;
  responsibleStaffId?: string | null;
  source?: AssignmentSource[] | null;
  /** true: late with work still owed; false: everything else. */
  overdue?: boolean | null;
  deadlineFrom?: Date | null;
  /** Exclusive. */
  deadlineTo?: Date | null;
  escalationLevel?: EscalationLevel[] | null;
  /** true: only top-level matters; false: only sub-matters. */
  topLevel?: boolean | null;
  parentId?: string | null;
}

export const ASSIGNMENT_SORT_FIELDS = {
  DEADLINE: 'deadline',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
  PRIORITY: 'priorityRank',
} as const;

export interface AssignmentSort {
  field: keyof typeof ASSIGNMENT_SORT_FIELDS;
  direction?: 'ASC' | 'DESC' | null;
}

/** Newest first unless asked otherwise. */
export function assignmentListSort(
  sort: AssignmentSort | null | undefined,
): NonNullable<PageRequest['sort']> {
  if (!sort) return { field: 'createdAt', direction: 'DESC' };
  return { field: ASSIGNMENT_SORT_FIELDS[sort.field], direction: sort.direction ?? 'ASC' };
}

/** The MongoDB filter for a matter list; visibility is joined to it separately (`visibleTo`). */
export function assignmentListQuery(
  filter: AssignmentListFilter | null | undefined,
  now: Date,
): FilterQuery<AssignmentRecord> {
  const conditions: FilterQuery<AssignmentRecord>[] = [];
  if (!filter) return {};
  if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
  if (filter.divisionId) {
    conditions.push({
      $or: [{ leadDivisionId: filter.divisionId }, { coDivisionIds: filter.divisionId }],
    });
  }
  if (filter.leadDivisionId) conditions.push({ leadDivisionId: filter.leadDivisionId });
  if (filter.responsibleStaffId)
    conditions.push({ responsibleStaffIds: filter.responsibleStaffId });
  if (filter.source?.length) conditions.push({ source: { $in: filter.source } });
  if (filter.escalationLevel?.length) {
    conditions.push({ escalationLevel: { $in: filter.escalationLevel } });
  }
  if (filter.deadlineFrom) conditions.push({ deadline: { $gte: filter.deadlineFrom } });
  if (filter.deadlineTo) conditions.push({ deadline: { $lt: filter.deadlineTo } });
  if (filter.overdue === true) conditions.push(overdueQuery(now));
  if (filter.overdue === false) conditions.push({ $nor: [overdueQuery(now)] });
  if (filter.topLevel === true) conditions.push({ parentId: null });
  if (filter.topLevel === false) conditions.push({ parentId: { $ne: null } });
  if (filter.parentId) conditions.push({ parentId: filter.parentId });
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0]! : { $and: conditions };
}

/** `isOverdue` as a query: late with work still owed. */
export function overdueQuery(now: Date): FilterQuery<AssignmentRecord> {
  return { status: { $in: [...WORK_OWED_STATUSES] }, deadline: { $lt: now } };
}
