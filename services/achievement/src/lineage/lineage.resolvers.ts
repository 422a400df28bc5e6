import type { AchievementContext, AchievementResolvers } from '../context.js';
import { canSeeClassified } from '../access/visibility.rules.js';
import type { LineageView } from './lineage-view.js';

const ref = (id: string) => ({ id });

/**
 * A lineage in two reads here, whatever its size: the origin and its matters (one query each),
 * then the outputs of every matter through one batched loader. The gateway then asks
 * responsibility for all the matters and assessment for all the uses' scores at once.
 */
async function lineageOf(ctx: AchievementContext, of: string): Promise<LineageView | null> {
  let originId: string | null = of;
  let origin = await ctx.models.workOrigins.findById(of).lean();
  let matters;
  if (!origin) {
    const matter = await ctx.models.matterRefs.findById(of).lean();
    if (!matter) return null;
    originId = matter.sourceRef;
    origin = originId ? await ctx.models.workOrigins.findById(originId).lean() : null;
    matters = originId ? null : [matter];
  }
  matters ??= await ctx.models.matterRefs
    .find({ sourceRef: originId, parentAssignmentId: null })
    .sort({ createdAt: 1, _id: 1 })
    .limit(100)
    .lean();
  const visibleOrigin = origin && canSeeClassified(ctx.viewer, origin) ? origin : null;
  const visibleMatters = matters.filter((matter) => canSeeClassified(ctx.viewer, matter));
  if (!visibleOrigin && visibleMatters.length === 0) return null;
  return { origin: visibleOrigin, matters: visibleMatters };
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
