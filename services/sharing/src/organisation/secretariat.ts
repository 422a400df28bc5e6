import type { HeliClaims } from '@heli/auth';
import { forbidden } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { SharingModels } from '../models.js';

/** Whether the person works in the 秘书处, as the directory (responsibility's events) says. */
export async function isSecretariatStaff(
  models: SharingModels,
  viewer: Pick<HeliClaims, 'divisionId'>,
  session?: ClientSession,
): Promise<boolean> {
  if (viewer.divisionId === null) return false;
  const division = await models.directoryDivisions
    .findOne({ _id: viewer.divisionId, kind: 'SECRETARIAT' })
    .session(session ?? null)
    .lean();
  return division !== null;
}

export async function requireSecretariat(
  models: SharingModels,
  viewer: Pick<HeliClaims, 'divisionId'>,
  session?: ClientSession,
): Promise<void> {
  if (!(await isSecretariatStaff(models, viewer, session))) {
    throw forbidden('只有秘书处可以办理信息采用、汇编和精品交流');
  }
}
