import { viewerAsRecorded, type HeliClaims } from '@heli/auth';
import type { ResponsibilityModels } from '../models.js';

/**
 * The caller as the staff register records them now: a deactivated person is refused and a
 * lowered clearance or a withdrawn role applies at once, not when the token expires.
 */
export async function currentViewer(
  viewer: HeliClaims,
  { models }: { models: ResponsibilityModels },
): Promise<HeliClaims | null> {
  const recorded = await models.staff
    .findById(viewer.sub, { active: 1, clearance: 1, roles: 1 })
    .lean();
  return viewerAsRecorded(viewer, recorded);
}
