import type { HeliClaims } from '@heli/auth';
import { readableClassifications } from '../access/liaison-access.rules.js';
import type { LiaisonModels } from '../models.js';
import type { LiaisonSettings } from '../settings.js';
import type { OfficeAssignmentSide, OfficeAssignmentStatus } from './office-assignment.model.js';

/** Matters assigned across offices, newest first, of the classifications the viewer may read. */
export function listOfficeAssignments(
  models: LiaisonModels,
  settings: LiaisonSettings,
  viewer: HeliClaims,
  request: {
    side: OfficeAssignmentSide;
    officeId?: string | null;
    status?: OfficeAssignmentStatus | null;
    first?: number | null;
  },
) {
  const classifications = readableClassifications(viewer, {
    officeId: settings.office.id,
    secretariatDivisionId: settings.office.secretariatDivisionId,
  });
  return models.officeAssignments
    .find({
      side: request.side,
      classification: { $in: classifications },
      ...(request.officeId ? { officeId: request.officeId } : {}),
      ...(request.status ? { status: request.status } : {}),
    })
    .sort({ assignedAt: -1, _id: -1 })
    .limit(Math.min(Math.max(request.first ?? 20, 1), 100))
    .lean()
    .exec();
}
