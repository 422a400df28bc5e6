import type { AchievementContext, AchievementResolvers } from '../context.js';
import { canSeeClassified } from '../access/visibility.rules.js';
import type { LineageView } from './lineage-view.js';
import type { MatterRefRecord } from './lineage.model.js';

const ref = (id: string) => ({ id });

/** The most matters one origin lists (top-level matters, and as many sub-matters again). */
const MATTERS_PER_LINEAGE = 100;
const inCreatedOrder = { createdAt: 1, _id: 1 } as const;

/**
 * A lineage in a fixed number of reads here, whatever its size: the origin, its matters and their
 * sub-matters (split off for co-organisers) one query each, then the outputs of every matter
 * through one batched loader. The gateway then asks responsibility for all the matters and
 * assessment for all the uses' scores at once.
 */
async function lineageOf(ctx: AchievementContext, of: string): Promise<LineageView | null> {
  const { workOrigins, matterRefs } = ctx.models;
  let origin = await workOrigins.findById(of).lean();
  let topLevel: MatterRefRecord[];
  if (origin) {
    topLevel = await mattersMadeOf(ctx, of);
  } else {
    let matter = await matterRefs.findById(of).lean();
    if (!matter) return null;
    // A sub-matter's lineage is its parent's: the parent carries what the work came from.
    if (matter.parentAssignmentId)
      matter = (await matterRefs.findById(matter.parentAssignmentId).lean()) ?? matter;
    const originId = matter.sourceRef;
    origin = originId ? await workOrigins.findById(originId).lean() : null;
    topLevel = originId ? await mattersMadeOf(ctx, originId) : [matter];
  }
  const subMatters =
    topLevel.length === 0
      ? []
      : await matterRefs
          .find({ parentAssignmentId: { $in: topLevel.map((m) => m._id) } })
          .sort(inCreatedOrder)
          .limit(MATTERS_PER_LINEAGE)
          .lean();
  // Each matter followed by its sub-matters, so a reader sees the split where it happened.
  const matters = topLevel.flatMap((matter) => [
    matter,
    ...subMatters.filter((sub) => sub.parentAssignmentId === matter._id),
  ]);
  const visibleOrigin = origin && canSeeClassified(ctx.viewer, origin) ? origin : null;
  const visibleMatters = matters.filter((matter) => canSeeClassified(ctx.viewer, matter));
  if (!visibleOrigin && visibleMatters.length === 0) return null;
  return { origin: visibleOrigin, matters: visibleMatters };
}

function mattersMadeOf(ctx: AchievementContext, originId: string): Promise<MatterRefRecord[]> {
  return ctx.models.matterRefs
    .find({ sourceRef: originId, parentAssignmentId: null })
    .sort(inCreatedOrder)
    .limit(MATTERS_PER_LINEAGE)
    .lean();
}

export const lineageResolvers: AchievementResolvers = {
  Query: {
    lineage: (_, { of }, ctx) => lineageOf(ctx, of),
  },
  MeetingDecision: {
    lineage: (decision, _, ctx) => lineageOf(ctx, decision.id),
  },
  ResearchTopic: {
    report: async (topic, _, ctx) => {
      const outputs = await ctx.loaders.achievementsFromOrigin.load(topic.id);
      const reports = outputs.filter(
        (a) =>
          a.origin?.kind === 'RESEARCH_TOPIC' &&
          a.kind === 'RESEARCH_REPORT' &&
          a.status === 'PUBLISHED',
      );
      return reports.at(-1) ?? null;
    },
  },
  LineageOrigin: {
    id: (origin) => origin._id,
    leadDivision: (origin) => (origin.leadDivisionId ? ref(origin.leadDivisionId) : null),
    decision: (origin) => (origin.kind === 'MEETING_DECISION' ? ref(origin._id) : null),
  },
  LineageMatter: {
    matter: (matter) => ref(matter._id),
    outputs: async (matter, _, ctx) =>
      (await ctx.loaders.achievementsFromOrigin.load(matter._id)).filter(
        (a) => a.origin?.kind === 'MATTER',
      ),
  },
};
