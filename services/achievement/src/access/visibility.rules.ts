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

/** What an achievement carries for need-to-know. */
export interface AchievementAccessFields {
  officeId: string;
  status: 'DRAFT' | 'PUBLISHED';
  classification: Classification;
  divisionIds: string[];
  restrictedTo: string[];
  authorStaffIds: string[];
}

/**
 * THE visibility rule for achievements, as a MongoDB filter: every path that reads them — by id,
 * `_entities`, lists, counts, lineage, reuse — ANDs this in, so an achievement the viewer may not
 * see is never loaded or counted.
 *
 * Achievements exist to be reused, so need-to-know is the office — unless the providing division
 * narrowed it to named divisions (`restrictedTo`). Within the office an achievement is visible
 * when its classification is within the viewer's clearance AND the viewer is in a providing or
 * named division, is an author, is office leadership, or it is not restricted. A draft (offered
 * from a completed matter, not yet confirmed) is for its own divisions and leadership only.
 */
export function achievementVisibilityFilter(viewer: Viewer): Record<string, unknown> {
  const own: Record<string, unknown>[] = [{ authorStaffIds: viewer.sub }];
  if (viewer.divisionId !== null) own.push({ divisionIds: viewer.divisionId });
  const leader = isOfficeLeader(viewer);
  return {
    officeId: viewer.officeId,
    classification: { $in: readableClassifications(viewer.clearance) },
    $and: [
      leader
        ? {}
        : {
            $or: [
              ...own,
              { status: 'PUBLISHED', restrictedTo: { $size: 0 } },
              ...(viewer.divisionId === null
                ? []
                : [{ status: 'PUBLISHED', restrictedTo: viewer.divisionId }]),
            ],
          },
    ],
  };
}

/** The same rule for one achievement already in memory. */
export function canSeeAchievement(viewer: Viewer, a: AchievementAccessFields): boolean {
  if (a.officeId !== viewer.officeId) return false;
  if (!canRead(viewer.clearance, a.classification)) return false;
  if (isOfficeLeader(viewer)) return true;
  if (a.authorStaffIds.includes(viewer.sub)) return true;
  if (viewer.divisionId !== null && a.divisionIds.includes(viewer.divisionId)) return true;
  if (a.status !== 'PUBLISHED') return false;
  return (
    a.restrictedTo.length === 0 ||
    (viewer.divisionId !== null && a.restrictedTo.includes(viewer.divisionId))
  );
}

/** Something carrying only a classification (a matter, a decision, a forum topic) within the office. */
export function canSeeClassified(
  viewer: Pick<Viewer, 'clearance'>,
  item: { classification: Classification },
): boolean {
  return canRead(viewer.clearance, item.classification);
}
