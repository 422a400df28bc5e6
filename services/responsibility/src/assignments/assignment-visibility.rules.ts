import { CLASSIFICATIONS, canRead, isOfficeLeader, type HeliClaims } from '@heli/auth';
import type { FilterQuery } from 'mongoose';
import type { AssignmentRecord } from './assignment.model.js';

export type AssignmentViewer = Pick<HeliClaims, 'sub' | 'divisionId' | 'roles' | 'clearance'>;

/**
 * THE rule for who sees an assigned matter, as a MongoDB filter that every read path joins:
 * by id, lists, `_entities`, counts, board figures, sub-matters. Nobody sees a matter classified
 * above their clearance. Within that, office leadership sees every matter; everyone else sees
 * the matters their division leads or co-organises, those they are responsible for, and those
 * they assigned (a committee leader's instruction, a head's sub-matter).
 */
export function assignmentVisibilityFilter(
  viewer: AssignmentViewer,
): FilterQuery<AssignmentRecord> {
  const readable = CLASSIFICATIONS.filter((level) => canRead(viewer.clearance, level));
  const withinClearance: FilterQuery<AssignmentRecord> = { classification: { $in: readable } };
  if (isOfficeLeader(viewer)) return withinClearance;

  const involvement: FilterQuery<AssignmentRecord>[] = [
    { responsibleStaffIds: viewer.sub },
    { assignedByStaffId: viewer.sub },
  ];
  if (viewer.divisionId !== null) {
    involvement.unshift(
      { leadDivisionId: viewer.divisionId },
      { coDivisionIds: viewer.divisionId },
    );
  }
  return { ...withinClearance, $or: involvement };
}

/** `filter` narrowed to what `viewer` may see. */
export function visibleTo(
  viewer: AssignmentViewer,
  filter: FilterQuery<AssignmentRecord>,
): FilterQuery<AssignmentRecord> {
  return { $and: [assignmentVisibilityFilter(viewer), filter] };
}
