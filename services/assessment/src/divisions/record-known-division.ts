import type { ClientSession } from 'mongoose';
import type { AssessmentModels } from '../models.js';

export async function recordKnownDivision(
  models: AssessmentModels,
  session: ClientSession,
  division: { divisionId: string; officeId: string; name: string },
): Promise<void> {
  await models.knownDivisions.updateOne(
    { _id: division.divisionId },
    { $set: { officeId: division.officeId, name: division.name } },
    { upsert: true, session },
  );
}
