import DataLoader from 'dataloader';
import { isOfficeLeader } from '@heli/auth';
import {
  byIdLoader,
  groupedLoader,
  groupedPageLoaders,
  type ConnectionPage,
  type LeanNode,
  type LoaderScope,
} from '@heli/subgraph-runtime';
import type { Model } from 'mongoose';
import type { KeyWorkItemRecord, PartnerTaskRecord } from './coordination/coordination.model.js';
import {
  keyWorkItemVisibilityFilter,
  partnerTaskVisibilityFilter,
} from './coordination/coordination.rules.js';
import type { DecisionRecord, MeetingRecord } from './meetings/meeting.model.js';
import { decisionVisibilityFilter, meetingVisibilityFilter } from './meetings/meetings.rules.js';
import type { InteractionModels } from './models.js';
import type { ResearchPeriodRecord, ResearchTopicRecord } from './research/research.model.js';
import { topicVisibilityFilter } from './research/research-topic.rules.js';
import type { CaseRecord, StepRecord, TemplateRecord } from './workflows/workflow.model.js';
import { myWorkflowSteps } from './workflows/workflows.resolvers.js';

/**
 * Per-request DataLoaders: every lookup by id, `__resolveReference` included, batches here.
 * Meetings load only through the viewer's need-to-know filter, so an id the viewer may not see
 * resolves to null exactly like an id that does not exist.
 */
export function interactionLoaders({ models, viewer }: LoaderScope<InteractionModels>) {
  const meetingFilter = meetingVisibilityFilter(viewer);
  const topicFilter = topicVisibilityFilter(viewer);
  const taskFilter = partnerTaskVisibilityFilter(viewer);
  return {
    /**
     * `Staff.workflowSteps`, which answers only for the caller: a gateway asking for the caller
     * under many representations gets one page, not one per representation.
     */
    ownWorkflowSteps: new DataLoader<
      { first: number | null; after: string | null; countTotal: boolean },
      ConnectionPage<LeanNode<StepRecord>>,
      string
    >(
      (pages) =>
        Promise.all(
          pages.map(({ countTotal, ...page }) =>
            myWorkflowSteps({ models, viewer }, page, { countTotal }),
          ),
        ),
      { cacheKeyFn: (page) => JSON.stringify(page) },
    ),
    /**
     * Pages of nested lists — a division's meetings (attended or organised) and research topics
     * (proposed or led), a period's topics, an office's partner tasks — for every parent of a
     * page at once: one aggregation per list, per filter.
     */
    divisionMeetingPages: groupedPageLoaders(models.meetings, [
      'attendingDivisionIds',
      'organiserDivisionId',
    ]),
    divisionTopicPages: groupedPageLoaders(models.researchTopics, [
      'proposingDivisionId',
      'leadDivisionId',
    ]),
    periodTopicPages: groupedPageLoaders(models.researchTopics, 'periodId'),
    officePartnerTaskPages: groupedPageLoaders(models.partnerTasks, 'partnerOfficeId'),
    /** A meeting's partner tasks (the meeting is already visible), in the order agreed. */
    partnerTasksOfMeeting: groupedLoader<PartnerTaskRecord>(models.partnerTasks, 'meetingId', {
      sort: { agreedAt: 1, _id: 1 },
    }),
    /** The visible meetings and partner tasks of a key work item. */
    meetingsOfKeyWorkItem: groupedLoader<MeetingRecord>(models.meetings, 'keyWorkItemIds', {
      filter: meetingFilter,
      sort: { startsAt: -1, _id: -1 },
    }),
    partnerTasksOfKeyWorkItem: groupedLoader<PartnerTaskRecord>(
      models.partnerTasks,
      'keyWorkItemId',
      { filter: taskFilter, sort: { deadline: 1, _id: 1 } },
    ),
    /** Visible topics merged into a topic. */
    topicsMergedInto: groupedLoader<ResearchTopicRecord>(
      models.researchTopics,
      'mergedIntoTopicId',
      {
        filter: topicFilter,
      },
    ),
    /** A case's steps in order, and its template (cases of a page share few templates). */
    stepsOfCase: groupedLoader<StepRecord>(models.steps, 'caseId', { sort: { sequence: 1 } }),
    workflowTemplate: byIdLoader<TemplateRecord>(models.templates),
    /**
     * Cases by id as the viewer may see them (null otherwise): office leadership and the case's
     * division see it, and so does a division with a step in it.
     */
    visibleCase: new DataLoader<string, CaseRecord | null>(async (ids) => {
      const cases = await models.cases.find({ _id: { $in: [...ids] } }).lean<CaseRecord[]>();
      const seenAnyway = (kase: CaseRecord) =>
        isOfficeLeader(viewer) || viewer.divisionId === kase.divisionId;
      const others = cases.filter((kase) => !seenAnyway(kase)).map((kase) => kase._id);
      const involved = new Set<string>(
        others.length === 0 || viewer.divisionId === null
          ? []
          : await models.steps.distinct('caseId', {
              caseId: { $in: others },
              responsibleDivisionId: viewer.divisionId,
            }),
      );
      const byId = new Map(cases.map((kase) => [kase._id, kase]));
      return ids.map((id) => {
        const kase = byId.get(id);
        return kase && (seenAnyway(kase) || involved.has(id)) ? kase : null;
      });
    }),
    meeting: visibleByIdLoader<MeetingRecord>(models.meetings, meetingFilter),
    /** Research topics within the viewer's clearance. */
    researchTopic: visibleByIdLoader<ResearchTopicRecord>(models.researchTopics, topicFilter),
    /**
     * Workflow cases by id, for the case of a step the viewer already sees (a page of to-do steps
     * asks for its cases in one query, not one per step).
     */
    workflowCase: byIdLoader(models.cases),
    /** 统筹安排 key work items within the viewer's clearance. */
    keyWorkItem: visibleByIdLoader<KeyWorkItemRecord>(
      models.keyWorkItems,
      keyWorkItemVisibilityFilter(viewer),
    ),
    /** Partner tasks the viewer leads, organises or supports (all, for office leadership). */
    partnerTask: visibleByIdLoader<PartnerTaskRecord>(models.partnerTasks, taskFilter),
    /** Periods are the office's planning calendar: anyone signed in sees them. */
    researchPeriod: visibleByIdLoader<ResearchPeriodRecord>(models.researchPeriods, {}),
    /** Decisions of meetings the viewer may see, by id. */
    decision: new DataLoader<string, DecisionRecord | null>(async (ids) => {
      const found = await models.decisions
        .find({ _id: { $in: [...ids] } })
        .lean<DecisionRecord[]>();
      const visible = await visibleDecisions(models, viewer, found, meetingFilter);
      return ids.map((id) => visible.get(id) ?? null);
    }),
    /** Decisions by the id of the matter made of them (`Assignment.origin`). */
    decisionByAssignment: new DataLoader<string, DecisionRecord | null>(async (assignmentIds) => {
      const found = await models.decisions
        .find({ assignmentId: { $in: [...assignmentIds] } })
        .lean<DecisionRecord[]>();
      const visible = await visibleDecisions(models, viewer, found, meetingFilter);
      const byAssignment = new Map(
        [...visible.values()].map((decision) => [decision.assignmentId, decision]),
      );
      return assignmentIds.map((id) => byAssignment.get(id) ?? null);
    }),
    /** The decisions of a meeting the viewer already sees, in agenda order. */
    decisionsOfMeeting: new DataLoader<string, DecisionRecord[]>(async (meetingIds) => {
      const found = await models.decisions
        .find({ meetingId: { $in: [...meetingIds] } })
        .lean<DecisionRecord[]>();
      return meetingIds.map((id) => found.filter((decision) => decision.meetingId === id));
    }),
  };
}

export type InteractionLoaders = ReturnType<typeof interactionLoaders>;

/**
 * A decision is seen by whoever may see its meeting, and by the divisions it assigns work to (who
 * see the matter anyway and should see where it came from).
 */
async function visibleDecisions(
  models: InteractionModels,
  viewer: LoaderScope<InteractionModels>['viewer'],
  decisions: DecisionRecord[],
  meetingFilter: Record<string, unknown>,
): Promise<Map<string, DecisionRecord>> {
  if (decisions.length === 0) return new Map();
  const meetingIds = [...new Set(decisions.map((decision) => decision.meetingId))];
  const [seenMeetings, assignedTo] = await Promise.all([
    models.meetings
      .find({ $and: [{ _id: { $in: meetingIds } }, meetingFilter] }, { _id: 1 })
      .lean(),
    models.decisions
      .find(
        { $and: [{ _id: { $in: decisions.map((d) => d._id) } }, decisionVisibilityFilter(viewer)] },
        { _id: 1 },
      )
      .lean(),
  ]);
  const meetingSeen = new Set(seenMeetings.map((meeting) => meeting._id));
  const assignedSeen = new Set(assignedTo.map((decision) => decision._id));
  return new Map(
    decisions
      .filter((d) => meetingSeen.has(d.meetingId) || assignedSeen.has(d._id))
      .map((d) => [d._id, d]),
  );
}

function visibleByIdLoader<T>(model: Model<T>, visibility: Record<string, unknown>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = (await model.find({ $and: [{ _id: { $in: ids } }, visibility] }).lean()) as (T & {
      _id: string;
    })[];
    const byId = new Map(found.map((doc) => [doc._id, doc as T]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
