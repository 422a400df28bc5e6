import type { AchievementResolvers } from '../context.js';

const ref = (id: string) => ({ id });

export const lineageResolvers: AchievementResolvers = {
  Query: {
    lineage: (_, { of }, ctx) => ctx.loaders.lineage.load(of),
  },
  MeetingDecision: {
    // The decisions of a list arrive in one `_entities` call: their lineages load together.
    lineage: (decision, _, ctx) => ctx.loaders.lineage.load(decision.id),
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
