import type { EventData, researchEvents } from '@heli/event-contracts';
import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { AchievementRecord } from '../achievements/achievement.model.js';
import type { AchievementModels } from '../models.js';

/** One draft per research topic, whatever redelivers its report's completion. */
export const draftIdOfResearch = (topicId: string) => `achievement-from-${topicId}`;

type ReportCompleted = EventData<typeof researchEvents.researchReportCompleted>;

/**
 * A research topic's finished report (定稿) becomes a DRAFT research report of the topic's lead
 * division, with the pooled team as authors and co-divisions, its classification and the sharing
 * document that holds it: the division confirms it (`publishAchievementDraft`) and nothing is
 * typed twice (最多报一次). The topic is the origin, so `ResearchTopic.report` finds it.
 */
export async function offerDraftFromResearch(
  { models }: SubgraphRuntime<AchievementModels>,
  session: ClientSession,
  report: ReportCompleted,
): Promise<void> {
  const division = await models.directoryDivisions
    .findById(report.leadDivisionId)
    .session(session)
    .lean();
  if (!division) return;
  const at = new Date(report.completedAt);
  const coDivisionIds = report.coDivisionIds.filter((id) => id !== report.leadDivisionId);
  const draft: Omit<AchievementRecord, '_id'> = {
    officeId: division.officeId,
    status: 'DRAFT',
    kind: 'RESEARCH_REPORT',
    title: report.reportTitle,
    summary: report.summary.trim() || `调研课题“${report.topicTitle}”的调研报告（待本处室确认）`,
    body: null,
    documentId: report.reportDocumentId,
    keywords: [],
    classification: report.classification,
    restrictedTo: [],
    leadDivisionId: report.leadDivisionId,
    coDivisionIds,
    divisionIds: [report.leadDivisionId, ...coDivisionIds],
    authorStaffIds: report.teamStaffIds,
    origin: { kind: 'RESEARCH_TOPIC', id: report.topicId },
    version: 1,
    createdByStaffId: report.completedByStaffId,
    createdAt: at,
    publishedAt: null,
    updatedAt: at,
  };
  await models.achievements.updateOne(
    { _id: draftIdOfResearch(report.topicId) },
    { $setOnInsert: draft },
    { upsert: true, session },
  );
}
