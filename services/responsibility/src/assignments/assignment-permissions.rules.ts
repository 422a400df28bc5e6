import { canRead, hasRole, isOfficeLeader, type Classification, type HeliClaims } from '@heli/auth';
import type { AssignmentAction } from './assignment-lifecycle.rules.js';

type Viewer = Pick<HeliClaims, 'sub' | 'divisionId' | 'roles'>;

/** What a permission check needs to know about a matter. */
export interface MatterParties {
  parentId: string | null;
  leadDivisionId: string;
  responsibleStaffIds: readonly string[];
  assignedByStaffId: string;
}

/** 交办 (assign) a new matter: office leadership. */
export function canAssign(viewer: Viewer): boolean {
  return isOfficeLeader(viewer);
}

/**
 * Nobody classifies a matter above their own clearance: they could not read it themselves, and
 * the same rule holds for documents, catalogue entries and difficulties.
 */
export function canClassify(
  viewer: Pick<HeliClaims, 'clearance'>,
  classification: Classification,
): boolean {
  return canRead(viewer.clearance, classification);
}

/** The assigner side: who assigned it, and office leadership, which supervises every matter. */
export function isAssignerSide(viewer: Viewer, matter: MatterParties): boolean {
  return viewer.sub === matter.assignedByStaffId || isOfficeLeader(viewer);
}

/** The handling side: the lead division's head and the staff made responsible for it. */
export function isHandlerSide(viewer: Viewer, matter: MatterParties): boolean {
  if (matter.responsibleStaffIds.includes(viewer.sub)) return true;
  return viewer.divisionId === matter.leadDivisionId && hasRole(viewer, 'DIVISION_HEAD');
}

const HANDLER_ACTIONS: readonly AssignmentAction[] = ['ACCEPT', 'REPORT_PROGRESS', 'SUBMIT_RESULT'];

/** Handlers accept, report and submit; the assigner side completes, returns and cancels. */
export function canTakeAction(
  viewer: Viewer,
  matter: MatterParties,
  action: AssignmentAction,
): boolean {
  return HANDLER_ACTIONS.includes(action)
    ? isHandlerSide(viewer, matter)
    : isAssignerSide(viewer, matter);
}

/** 催办 and setting the reporting schedule belong to the assigner side. */
export function canSupervise(viewer: Viewer, matter: MatterParties): boolean {
  return isAssignerSide(viewer, matter);
}

/**
 * Splitting a sub-matter off for a co-organiser: the lead division's head (who then assigned it)
 * or office leadership; sub-matters are not split further.
 */
export function canSplit(viewer: Viewer, matter: MatterParties): boolean {
  if (matter.parentId !== null) return false;
  if (isOfficeLeader(viewer)) return true;
  return viewer.divisionId === matter.leadDivisionId && hasRole(viewer, 'DIVISION_HEAD');
}
