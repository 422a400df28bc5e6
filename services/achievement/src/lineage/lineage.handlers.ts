import { on } from '@heli/event-bus';
import {
  assignmentEvents,
  interactionEvents,
  researchEvents,
  sharingEvents,
} from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { AchievementModels } from '../models.js';
import { offerDraftFromMatter } from './draft-from-matter.js';
import { offerDraftFromResearch } from './draft-from-research.js';

export const LINEAGE_CONSUMER = 'achievement-lineage';

/**
 * Keeps what a lineage walks through: decisions and instructions, and the matters made of them.
 * Every write is an upsert of the event's state (or sets a field to the event's value), so an
 * event handled twice changes nothing the second time. A completed matter, and a research topic's
 * finished report, also offer their lead division a draft achievement, so a result is never typed
 * twice (最多报一次).
 */
export function lineageSubscription(
  runtime: SubgraphRuntime<AchievementModels>,
): EventSubscription {
  const { models } = runtime;
  return {
    consumerName: LINEAGE_CONSUMER,
    handlers: {
      ...on(interactionEvents.meetingDecisionRecorded, async ({ data }, { session }) => {
        await models.workOrigins.updateOne(
          { _id: data.decisionId },
          {
            $set: {
              kind: 'MEETING_DECISION',
              title: data.meetingTitle,
              text: data.text,
              classification: data.classification,
              leadDivisionId: data.leadDivisionId,
              at: new Date(data.recordedAt),
            },
          },
          { upsert: true, session },
        );
      }),
      ...on(sharingEvents.instructionIssued, async ({ data }, { session }) => {
        await models.workOrigins.updateOne(
          { _id: data.instructionId },
          {
            $set: {
              kind: 'INSTRUCTION',
              title: data.documentTitle,
              text: data.text,
              classification: data.classification,
              leadDivisionId: data.leadDivisionId,
              at: new Date(data.issuedAt),
            },
          },
          { upsert: true, session },
        );
      }),
      ...on(assignmentEvents.assignmentCreated, async ({ data }, { session }) => {
        await models.matterRefs.updateOne(
          { _id: data.assignmentId },
          {
            $set: {
              title: data.title,
              source: data.source,
              sourceRef: data.sourceRef,
              parentAssignmentId: data.parentAssignmentId,
              classification: data.classification,
              leadDivisionId: data.leadDivisionId,
              coDivisionIds: data.coDivisionIds,
              responsibleStaffIds: data.responsibleStaffIds,
              createdAt: new Date(data.createdAt),
            },
            $setOnInsert: { completedAt: null },
          },
          { upsert: true, session },
        );
      }),
      ...on(assignmentEvents.assignmentCompleted, async ({ data }, { session }) => {
        await models.matterRefs.updateOne(
          { _id: data.assignmentId },
          { $set: { completedAt: new Date(data.completedAt) } },
          { session },
        );
        await offerDraftFromMatter(runtime, session, data.assignmentId, new Date(data.completedAt));
      }),
      ...on(researchEvents.researchReportCompleted, async ({ data }, { session }) => {
        await offerDraftFromResearch(runtime, session, data);
      }),
    },
  };
}
