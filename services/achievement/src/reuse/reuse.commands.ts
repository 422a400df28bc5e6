import type { HeliClaims } from '@heli/auth';
import { achievementEvents } from '@heli/event-contracts';
import {
  conflict,
  forbidden,
  isDuplicateKeyError,
  notFound,
  rejectProblems,
} from '@heli/subgraph-runtime';
import { visibleAchievement } from '../achievements/achievements.commands.js';
import type { AchievementWrite } from '../records/achievement-write.js';
import { newEntityId } from '../records/entity-id.js';
import {
  claimProblems,
  claimRefusal,
  decisionConflict,
  decisionRefusal,
  disputeProblems,
} from './reuse.rules.js';
import type { EvidenceKind, UseKind, UseRecord } from './use.model.js';

export interface ClaimUseInput {
  achievementId: string;
  kind: UseKind;
  purpose: string;
  evidence?: { kind: EvidenceKind; id: string } | null;
}

const useData = (use: UseRecord) => ({
  useId: use._id,
  achievementId: use.achievementId,
  kind: use.kind,
  providerDivisionId: use.providerDivisionId,
  userDivisionId: use.userDivisionId,
  claimedByStaffId: use.claimedByStaffId,
  claimedAt: use.claimedAt.toISOString(),
});

/** A division records that it referenced, applied or transformed another division's achievement. */
export async function claimUse(
  write: AchievementWrite,
  viewer: HeliClaims,
  input: ClaimUseInput,
  now: Date,
): Promise<UseRecord> {
  const achievement = await visibleAchievement(write, viewer, input.achievementId);
  const refusal = claimRefusal(viewer, achievement);
  if (refusal) throw forbidden(refusal);
  rejectProblems(claimProblems(input));
  const use: UseRecord = {
    _id: newEntityId('use'),
    achievementId: achievement._id,
    kind: input.kind,
    purpose: input.purpose.trim(),
    evidence: input.evidence ? { kind: input.evidence.kind, id: input.evidence.id.trim() } : null,
    providerDivisionId: achievement.leadDivisionId,
    // claimRefusal has refused a caller outside any division.
    userDivisionId: viewer.divisionId!,
    status: 'CLAIMED',
    claimedByStaffId: viewer.sub,
    claimedAt: now,
    decidedByStaffId: null,
    decidedAt: null,
    disputeReason: null,
  };
  try {
    await write.models.uses.create([use], { session: write.session });
  } catch (error) {
    // The unique index decides between two concurrent claims, and refuses a repeated one.
    if (isDuplicateKeyError(error))
      throw conflict('本处室已登记过对该成果的此类应用，不能重复登记');
    throw error;
  }
  await write.emit(achievementEvents.useClaimed, useData(use), { subject: use._id });
  return use;
}

/** A use the viewer may see (its achievement is visible to them), or NOT_FOUND. */
async function visibleUse(
  write: AchievementWrite,
  viewer: HeliClaims,
  id: string,
): Promise<UseRecord> {
  const use = await write.models.uses.findById(id).session(write.session).lean<UseRecord>();
  if (!use) throw notFound(`成果应用 ${id}`);
  await visibleAchievement(write, viewer, use.achievementId).catch(() => {
    throw notFound(`成果应用 ${id}`);
  });
  return use;
}

/**
 * The providing division confirms or disputes a claimed use. The write is conditional on the use
 * still being CLAIMED, so two concurrent decisions apply once and announce once: assessment
 * scores a confirmation exactly once.
 */
export async function decideUse(
  write: AchievementWrite,
  viewer: HeliClaims,
  input: { id: string; confirm: boolean; reason?: string | null },
  now: Date,
): Promise<UseRecord> {
  const use = await visibleUse(write, viewer, input.id);
  const refusal = decisionRefusal(viewer, use);
  if (refusal) throw forbidden(refusal);
  if (!input.confirm) rejectProblems(disputeProblems(input.reason ?? ''));
  const already = decisionConflict(use.status);
  if (already) throw conflict(already);
  const decided = await write.models.uses
    .findOneAndUpdate(
      { _id: use._id, status: 'CLAIMED' },
      {
        $set: {
          status: input.confirm ? 'CONFIRMED' : 'DISPUTED',
          decidedByStaffId: viewer.sub,
          decidedAt: now,
          disputeReason: input.confirm ? null : input.reason!.trim(),
        },
      },
      { session: write.session, new: true },
    )
    .lean<UseRecord>();
  if (!decided) throw conflict('该应用已由他人处理');
  if (input.confirm) {
    await write.emit(
      achievementEvents.useConfirmed,
      { ...useData(decided), confirmedByStaffId: viewer.sub, confirmedAt: now.toISOString() },
      { subject: decided._id },
    );
  } else {
    await write.emit(
      achievementEvents.useDisputed,
      {
        ...useData(decided),
        disputedByStaffId: viewer.sub,
        reason: decided.disputeReason!,
        disputedAt: now.toISOString(),
      },
      { subject: decided._id },
    );
  }
  return decided;
}
