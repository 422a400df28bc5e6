import type { HeliClaims } from '@heli/auth';
import { rejectProblems } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { InteractionModels } from '../models.js';
import { keyWorkItemVisibilityFilter } from './coordination.rules.js';

/**
 * Refuses offices that are not partner offices (常委所在部门办公室) as responsibility announced
 * them, unknown ones in the same words, naming each.
 */
export async function requirePartnerOffices(
  models: InteractionModels,
  session: ClientSession | null,
  officeIds: string[],
): Promise<void> {
  const wanted = [...new Set(officeIds)];
  if (wanted.length === 0) return;
  const found = await models.knownOffices
    .find({ _id: { $in: wanted }, kind: 'PARTNER' }, { _id: 1 })
    .session(session)
    .lean();
  const partners = new Set(found.map((office) => office._id));
  rejectProblems(
    wanted
      .filter((id) => !partners.has(id))
      .map((id) => `${id} 不是已知的常委所在部门办公室，不能作为协作单位`),
  );
}

/** Refuses key work items that do not exist or are above the viewer's clearance, alike. */
export async function requireKeyWorkItems(
  models: InteractionModels,
  session: ClientSession | null,
  viewer: HeliClaims,
  ids: string[],
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await models.keyWorkItems
    .find({ $and: [{ _id: { $in: wanted } }, keyWorkItemVisibilityFilter(viewer)] }, { _id: 1 })
    .session(session)
    .lean();
  const known = new Set(found.map((item) => item._id));
  rejectProblems(
    wanted.filter((id) => !known.has(id)).map((id) => `未找到统筹安排中的重点工作：${id}`),
  );
}
