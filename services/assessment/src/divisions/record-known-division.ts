import type { ClientSession } from 'mongoose';
import { rankNewDivision } from '../ledger/division-standings.js';
import type { AssessmentModels } from '../models.js';

export async function recordKnownDivision(
  models: AssessmentModels,
  session: ClientSession,
  division: { divisionId: string; officeId: string; name: string },
): Promise<void> {
  const { upsertedCount } = await models.knownDivisions.updateOne(
    { _id: division.divisionId },
    { $set: { officeId: division.officeId, name: division.name } },
    { upsert: true, session },
  );
  // A division announced for the first time ranks, with 0, in every period already ranked.
  if (upsertedCount > 0) await rankNewDivision(models, session);
}
