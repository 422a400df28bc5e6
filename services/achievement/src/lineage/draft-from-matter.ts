import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { AchievementRecord } from '../achievements/achievement.model.js';
import type { AchievementModels } from '../models.js';

/** One draft per matter, whatever redelivers its completion. */
export const draftIdOf = (assignmentId: string) => `achievement-from-${assignmentId}`;

/**
 * A completed top-level matter becomes a DRAFT achievement of its lead division, titled after the
 * matter, with its responsible staff as authors and its classification; the division confirms it
 * (`publishAchievementDraft`) with the kind and summary, or leaves it. Sub-matters of
 * co-organisers feed their parent's result and are not offered separately.
 */
export async function offerDraftFromMatter(
  { models }: SubgraphRuntime<AchievementModels>,
  session: ClientSession,
  assignmentId: string,
  at: Date,
): Promise<void> {
  const matter = await models.matterRefs.findById(assignmentId).session(session).lean();
  if (!matter || matter.parentAssignmentId !== null) return;
  const division = await models.directoryDivisions
    .findById(matter.leadDivisionId)
    .session(session)
    .lean();
  if (!division) return;
  const draft: AchievementRecord = {
    _id: draftIdOf(assignmentId),
    officeId: division.officeId,
    status: 'DRAFT',
    kind: 'OTHER',
    title: matter.title,
    summary: `交办事项“${matter.title}”办结形成的成果（待本处室确认）`,
    body: null,
    documentId: null,
    keywords: [],
    classification: matter.classification,
    restrictedTo: [],
    leadDivisionId: matter.leadDivisionId,
    coDivisionIds: matter.coDivisionIds,
    divisionIds: [matter.leadDivisionId, ...matter.coDivisionIds],
    authorStaffIds: matter.responsibleStaffIds,
    origin: { kind: 'MATTER', id: assignmentId },
    version: 1,
    createdByStaffId: division.headStaffId ?? matter.responsibleStaffIds[0] ?? 'system',
    createdAt: at,
    publishedAt: null,
    updatedAt: at,
  };
  const { _id, ...fields } = draft;
  await models.achievements.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true, session });
}
