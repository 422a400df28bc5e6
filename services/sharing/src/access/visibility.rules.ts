import {
  CLASSIFICATIONS,
  canRead,
  isOfficeLeader,
  type Classification,
  type HeliClaims,
} from '@heli/auth';

/** The parts of the caller that decide what they may see. */
export type Viewer = Pick<HeliClaims, 'sub' | 'divisionId' | 'officeId' | 'roles' | 'clearance'>;

/** Every classification the viewer's clearance covers, lowest first. */
export function readableClassifications(clearance: Classification): Classification[] {
  return CLASSIFICATIONS.filter((classification) => canRead(clearance, classification));
}

/** What a document carries for need-to-know: who registered it and who it was sent to. */
export interface DocumentAccessFields {
  classification: Classification;
  officeId: string;
  registeringDivisionId: string;
  readerStaffIds: string[];
  readerDivisionIds: string[];
}

/**
 * THE visibility rule for documents, as a MongoDB filter: every path that reads documents — by
 * id, `_entities`, lists, counts, inbox, search — ANDs this in, so a document the viewer may not
 * see is never loaded, counted or ranked.
 *
 * A document is visible when its classification is within the viewer's clearance AND the viewer
 * has a need to know: they are in the registering division, they or their division received it
 * (distribution, circulation, instruction), or they are office leadership of the same office.
 */
export function documentVisibilityFilter(viewer: Viewer): Record<string, unknown> {
  const needToKnow: Record<string, unknown>[] = [{ readerStaffIds: viewer.sub }];
  if (viewer.divisionId !== null) {
    needToKnow.push(
      { registeringDivisionId: viewer.divisionId },
      { readerDivisionIds: viewer.divisionId },
    );
  }
  if (isOfficeLeader(viewer)) needToKnow.push({ officeId: viewer.officeId });
  return {
    classification: { $in: readableClassifications(viewer.clearance) },
    $or: needToKnow,
  };
}

/** The same rule for one document already in memory (used where a filter cannot be, e.g. events). */
export function canSeeDocument(viewer: Viewer, document: DocumentAccessFields): boolean {
  if (!canRead(viewer.clearance, document.classification)) return false;
  if (document.readerStaffIds.includes(viewer.sub)) return true;
  if (viewer.divisionId !== null) {
    if (document.registeringDivisionId === viewer.divisionId) return true;
    if (document.readerDivisionIds.includes(viewer.divisionId)) return true;
  }
  return isOfficeLeader(viewer) && document.officeId === viewer.officeId;
}

/**
 * Catalogue entries exist to be found by other divisions, so need-to-know is the office: anyone
 * of the entry's office whose clearance covers it may find it; people of other offices (liaisons)
 * see only PUBLIC entries.
 */
export function catalogVisibilityFilter(viewer: Viewer): Record<string, unknown> {
  return {
    $or: [
      {
        officeId: viewer.officeId,
        classification: { $in: readableClassifications(viewer.clearance) },
      },
      { classification: 'PUBLIC' },
    ],
  };
}

/** Documents at or above CONFIDENTIAL (秘密) leave an audit record each time someone views them. */
export function isAuditedClassification(classification: Classification): boolean {
  return canRead(classification, 'CONFIDENTIAL');
}

/**
 * A division's reading record (`Division.distributionStats`) is for its own people and the
 * leadership of its office; `divisionOfficeId` is the division's office as the directory knows
 * it (null when it does not know the division).
 */
export function canSeeDivisionRecord(
  viewer: Viewer,
  divisionId: string,
  divisionOfficeId: string | null,
): boolean {
  if (viewer.divisionId === divisionId) return true;
  return isOfficeLeader(viewer) && divisionOfficeId === viewer.officeId;
}
