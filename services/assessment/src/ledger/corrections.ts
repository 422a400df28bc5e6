import { randomUUID } from 'node:crypto';
import type { HeliClaims } from '@heli/auth';
import { badInput, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { requireImpartialAssessor } from '../access/require-access.js';
import type { AssessmentModels } from '../models.js';
import { correctionProblems } from './corrections.rules.js';
import { projectEntries } from './division-standings.js';
import { guardLedgerWrite } from './ledger-guard.model.js';
import type { ScoreEntryRecord } from './ledger.model.js';
import { roundPoints } from './score-event.rules.js';

export interface CorrectionInput {
  entryId: string;
  points: number;
  reason: string;
}

/**
 * Brings one score (an event, rule and division) to `points` by appending a CORRECTION entry for
 * the difference; the entry it corrects stays as it was. A later recompute leaves corrections
 * alone: it compares the rules' result with RULE and RECOMPUTE entries only.
 */
export async function correctScoreEntry(
  models: AssessmentModels,
  input: CorrectionInput,
  assessor: Pick<HeliClaims, 'sub' | 'divisionId'>,
  now: Date = new Date(),
): Promise<ScoreEntryRecord> {
  rejectProblems(correctionProblems(input));
  const reason = input.reason.trim();
  return models.scoreEntries.db.transaction(async (session) => {
    const corrected = await models.scoreEntries.findById(input.entryId, null, { session }).lean();
    if (!corrected) throw notFound(`记分条目“${input.entryId}”`);
    requireImpartialAssessor(assessor, corrected.divisionId);
    // Before reading the standing: a concurrent correction of the same score conflicts here.
    await guardLedgerWrite(
      models.ledgerGuards,
      `score:${corrected.scoreKey}:${corrected.divisionId}`,
      session,
    );
    const entries = await models.scoreEntries
      .find(
        { scoreKey: corrected.scoreKey, divisionId: corrected.divisionId },
        { points: 1 },
        { session },
      )
      .lean();
    const standing = roundPoints(entries.reduce((sum, entry) => sum + entry.points, 0));
    const delta = roundPoints(input.points - standing);
    if (delta === 0)
      throw badInput(`该项记分已是 ${standing} 分，无需更正`, { fields: ['points'] });
    const [entry] = await models.scoreEntries.create(
      [
        {
          ...corrected,
          _id: `correction-${randomUUID()}`,
          kind: 'CORRECTION',
          points: delta,
          uncappedPoints: null,
          capPeriod: null,
          reason,
          correctsEntryId: corrected._id,
          recordedByStaffId: assessor.sub,
          recordedAt: now,
        },
      ],
      { session },
    );
    await projectEntries(models, session, [entry!]);
    return entry!.toObject();
  });
}
