import { paginate } from '@heli/subgraph-runtime';
import {
  requireAssessmentManager,
  requireLeaderboardViewer,
  requireScoreViewer,
} from '../access/require-access.js';
import type { AssessmentContext, AssessmentResolvers } from '../context.js';
import { rankingKey } from '../loaders.js';
import { formatPeriod, parsePeriod, periodFilter } from '../periods/period.js';
import type { ScoreCategory } from '../scoring-rules/scoring-rule.js';
import { ruleSetId } from '../scoring-rules/scoring-rules.model.js';
import { rankAmong } from '../evaluations/evaluations.rules.js';
import { correctScoreEntry, type CorrectionInput } from './corrections.js';
import type { ScoreEntryRecord } from './ledger.model.js';
import { loadDivisionScore, type DivisionScoreView } from './division-score.js';

type PageArgs = { first?: number | null; after?: string | null };

export const ledgerResolvers: AssessmentResolvers = {
  Query: {
    leaderboard: async (
      _: unknown,
      args: { period: string; category?: ScoreCategory | null },
      ctx: AssessmentContext,
    ) => {
      requireLeaderboardViewer(ctx.viewer);
      const period = formatPeriod(parsePeriod(args.period));
      const ranking = await ctx.loaders.ranking.load(rankingKey(period, args.category));
      return ranking.map(({ divisionId, total, rank }) => ({
        rank,
        points: total,
        divisionId,
        period,
      }));
    },
    scoreEntry: async (_: unknown, { id }: { id: string }, ctx: AssessmentContext) => {
      const entry = await ctx.models.scoreEntries.findById(id).lean();
      if (entry) requireScoreViewer(ctx.viewer, entry.divisionId);
      return entry;
    },
  },

  Mutation: {
    correctScoreEntry: (
      _: unknown,
      { input }: { input: CorrectionInput },
      ctx: AssessmentContext,
    ) => {
      requireAssessmentManager(ctx.viewer);
      return correctScoreEntry(ctx.models, input, ctx.viewer.sub);
    },
  },

  LeaderboardRow: {
    division: (row: { divisionId: string }) => ({ id: row.divisionId }),
    score: (row: { divisionId: string; period: string }, _: unknown, ctx: AssessmentContext) =>
      loadDivisionScore(ctx, row.divisionId, row.period),
  },

  Division: {
    score: (division: { id: string }, { period }: { period: string }, ctx: AssessmentContext) => {
      requireScoreViewer(ctx.viewer, division.id);
      return loadDivisionScore(ctx, division.id, period);
    },
    rank: async (
      division: { id: string },
      args: { period: string; category?: ScoreCategory | null },
      ctx: AssessmentContext,
    ) => {
      requireScoreViewer(ctx.viewer, division.id);
      const period = formatPeriod(parsePeriod(args.period));
      const ranking = await ctx.loaders.ranking.load(rankingKey(period, args.category));
      return rankAmong(ranking, division.id).rank;
    },
  },

  DivisionScore: {
    division: (score: DivisionScoreView) => ({ id: score.divisionId }),
    explanation: (
      score: DivisionScoreView,
      args: PageArgs & { category?: ScoreCategory | null },
      ctx: AssessmentContext,
    ) => {
      return paginate(
        ctx.models.scoreEntries,
        {
          divisionId: score.divisionId,
          ...periodFilter(parsePeriod(score.period)),
          ...(args.category ? { category: args.category } : {}),
        },
        { first: args.first, after: args.after, sort: { field: 'source.eventTime' } },
      );
    },
  },

  ScoreEntry: {
    id: (entry: ScoreEntryRecord) => entry._id,
    division: (entry: ScoreEntryRecord) => ({ id: entry.divisionId }),
    sourceEvent: (entry: ScoreEntryRecord) => ({
      id: entry.source.eventId,
      type: entry.source.eventType,
      time: entry.source.eventTime,
    }),
    rule: async (entry: ScoreEntryRecord, _: unknown, ctx: AssessmentContext) => {
      const ruleSet = await ctx.loaders.ruleSetVersion.load(
        ruleSetId(entry.year, entry.rule.ruleSetVersion),
      );
      const description =
        ruleSet?.rules.find((rule) => rule.id === entry.rule.id)?.description ?? null;
      return { ...entry.rule, description };
    },
  },
};
