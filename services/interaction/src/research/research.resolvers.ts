import { canRead } from '@heli/auth';
import { paginate, wantsCount, type CountChoice } from '@heli/subgraph-runtime';
import type { InteractionContext, InteractionResolvers } from '../context.js';
import type { InteractionDependencies } from '../dependencies.js';
import type { ResearchTopicStatus } from '../generated/resolvers-types.js';
import { writeInteraction } from '../records/interaction-write.js';
import {
  changeResearchTeam,
  openResearchPeriod,
  proposeResearchTopic,
  reachResearchMilestone,
  selectResearchTopic,
  type ResearchSettings,
} from './research.commands.js';
import type { ResearchTopicRecord } from './research.model.js';
import { topicVisibilityFilter } from './research-topic.rules.js';

const ref = (id: string) => ({ id });

type Page = { first?: number | null; after?: string | null };
const pageOf = (page: Page) => ({
  first: page.first ?? undefined,
  after: page.after ?? undefined,
});

/** One page of the research topics the viewer may see, latest proposal first. */
export function listResearchTopics(
  ctx: InteractionContext,
  filter:
    | {
        periodId?: string | null;
        status?: ResearchTopicStatus | null;
        divisionId?: string | null;
      }
    | null
    | undefined,
  page: Page,
  count: CountChoice,
) {
  const conditions: Record<string, unknown>[] = [topicVisibilityFilter(ctx.viewer)];
  if (filter?.periodId) conditions.push({ periodId: filter.periodId });
  if (filter?.status) conditions.push({ status: filter.status });
  if (filter?.divisionId) {
    conditions.push({
      $or: [{ proposingDivisionId: filter.divisionId }, { leadDivisionId: filter.divisionId }],
    });
  }
  return paginate(
    ctx.models.researchTopics,
    { $and: conditions },
    { ...pageOf(page), sort: { field: 'proposedAt', direction: 'DESC' } },
    count,
  );
}

const NEWEST_FIRST = { field: 'proposedAt', direction: 'DESC' } as const;

/** The topics the viewer may see, of one status when given (a nested list's filter). */
function topicConditions(ctx: InteractionContext, status: ResearchTopicStatus | null | undefined) {
  return {
    $and: [topicVisibilityFilter(ctx.viewer), ...(status ? [{ status }] : [])],
  };
}

export function researchResolvers({
  clock,
  researchOfficeDivisionId,
  maxTopicsPerResearcher,
}: InteractionDependencies): InteractionResolvers {
  const settings: ResearchSettings = { researchOfficeDivisionId, maxTopicsPerResearcher };
  return {
    Query: {
      researchPeriod: (_, { id }, ctx) => ctx.loaders.researchPeriod.load(id),
      researchPeriods: (_, page, ctx, info) =>
        paginate(
          ctx.models.researchPeriods,
          {},
          {
            ...pageOf(page),
            sort: { field: 'startsOn', direction: 'DESC' },
          },
          info,
        ),
      researchTopic: (_, { id }, ctx) => ctx.loaders.researchTopic.load(id),
      researchTopics: (_, { filter, first, after }, ctx, info) =>
        listResearchTopics(ctx, filter, { first, after }, info),
      researcherLoad: async (_, { staffId }, ctx) => {
        const load = await ctx.models.researcherLoads.findById(staffId).lean();
        return { staffId, topicIds: load?.topicIds ?? [], limit: maxTopicsPerResearcher };
      },
    },

    Mutation: {
      openResearchPeriod: (_, { input }, ctx) =>
        writeInteraction(ctx, (write) =>
          openResearchPeriod(write, ctx.viewer, input, clock.now(), settings),
        ),
      proposeResearchTopic: (_, { input }, ctx) =>
        writeInteraction(ctx, (write) =>
          proposeResearchTopic(
            write,
            ctx.viewer,
            { ...input, proposingDivisionId: input.proposingDivisionId ?? null },
            clock.now(),
            settings,
          ),
        ),
      selectResearchTopic: (_, { meetingId, input }, ctx) =>
        writeInteraction(ctx, (write) =>
          selectResearchTopic(write, ctx.viewer, meetingId, input, clock.now(), settings),
        ),
      changeResearchTeam: (_, { topicId, teamStaffIds }, ctx) =>
        writeInteraction(ctx, (write) =>
          changeResearchTeam(write, ctx.viewer, topicId, teamStaffIds, settings),
        ),
      reachResearchMilestone: (_, { input }, ctx) =>
        writeInteraction(ctx, (write) =>
          reachResearchMilestone(
            write,
            ctx.viewer,
            {
              topicId: input.topicId,
              kind: input.kind,
              note: input.note,
              reportTitle: input.reportTitle ?? null,
              reportSummary: input.reportSummary,
              reportDocumentId: input.reportDocumentId ?? null,
            },
            clock.now(),
            settings,
          ),
        ),
    },

    ResearchPeriod: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.researchPeriod.load(id),
      id: (period) => period._id,
      openedBy: (period) => ref(period.openedByStaffId),
      topics: (period, { status, first, after }, ctx, info) =>
        ctx.loaders
          .periodTopicPages(topicConditions(ctx, status), NEWEST_FIRST)
          .load({ key: period._id, first, after, countTotal: wantsCount(info) }),
    },

    ResearchTopic: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.researchTopic.load(id),
      id: (topic) => topic._id,
      period: async (topic, _, ctx) => (await ctx.loaders.researchPeriod.load(topic.periodId))!,
      proposingDivision: (topic) => ref(topic.proposingDivisionId),
      proposedBy: (topic) => ref(topic.proposedByStaffId),
      likelyDuplicates: (topic, _, ctx) =>
        topic.duplicates.filter((flag) => canRead(ctx.viewer.clearance, flag.classification)),
      mergedInto: (topic, _, ctx) =>
        topic.mergedIntoTopicId ? ctx.loaders.researchTopic.load(topic.mergedIntoTopicId) : null,
      mergedTopics: (topic, _, ctx) => ctx.loaders.topicsMergedInto.load(topic._id),
      leadDivision: (topic) => (topic.leadDivisionId ? ref(topic.leadDivisionId) : null),
      team: (topic) => topic.teamStaffIds.map(ref),
      selectedAt: (topic, _, ctx) =>
        topic.selectedAtMeetingId ? ctx.loaders.meeting.load(topic.selectedAtMeetingId) : null,
      reportDocument: (topic) => (topic.reportDocumentId ? ref(topic.reportDocumentId) : null),
    },

    LikelyDuplicate: {
      id: (flag) => flag.refId,
      topic: (flag, _, ctx) =>
        flag.source === 'CATALOG_ENTRY' ? null : ctx.loaders.researchTopic.load(flag.refId),
      catalogEntry: (flag) => (flag.source === 'CATALOG_ENTRY' ? ref(flag.refId) : null),
    },

    ResearchMilestone: {
      onTime: (milestone) =>
        milestone.reachedAt === null ? null : milestone.reachedAt <= milestone.dueAt,
    },

    ResearcherLoad: {
      staff: (load) => ref(load.staffId),
      count: (load) => load.topicIds.length,
      topics: async (load, _, ctx) =>
        (await ctx.loaders.researchTopic.loadMany(load.topicIds)).filter(
          (topic): topic is ResearchTopicRecord => topic !== null && !(topic instanceof Error),
        ),
    },

    Division: {
      researchTopics: (division, { status, first, after }, ctx, info) =>
        ctx.loaders
          .divisionTopicPages(topicConditions(ctx, status), NEWEST_FIRST)
          .load({ key: division.id, first, after, countTotal: wantsCount(info) }),
    },
  };
}
