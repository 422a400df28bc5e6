import { badInput } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { AssessmentModels } from '../models.js';

/**
 * Only a division responsibility announced can be inspected or scored: points for any other id
 * would rank a division nobody can resolve, and break every leaderboard it appears on.
 */
export async function requireKnownDivision(
  models: AssessmentModels,
  divisionId: string,
  session?: ClientSession,
): Promise<void> {
  const known = await models.knownDivisions.exists({ _id: divisionId }).session(session ?? null);
  if (!known) throw badInput(`找不到处室“${divisionId}”`, { fields: ['divisionId'] });
}
