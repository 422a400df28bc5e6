import { viewerAsRecorded, type HeliClaims } from '@heli/auth';
import type { AchievementModels } from '../models.js';

/**
 * The caller as the directory kept from responsibility's events records them now: a deactivated
 * person is refused and a lowered clearance applies at once, not when the token expires.
 */
export async function currentViewer(
  viewer: HeliClaims,
  { models }: { models: AchievementModels },
): Promise<HeliClaims | null> {
  const recorded = await models.directoryStaff
    .findById(viewer.sub, { active: 1, clearance: 1 })
    .lean();
  return viewerAsRecorded(viewer, recorded);
}
