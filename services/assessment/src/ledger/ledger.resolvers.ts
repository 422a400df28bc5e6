import { wantsCount } from '@heli/subgraph-runtime';
import { requireAssessmentManager, requireScoreViewer } from '../access/require-access.js';
import type { AssessmentResolvers } from '../context.js';
import { rankingKey } from '../loaders.js';
import { formatPeriod, parsePeriod, periodFilter } from '../periods/period.js';
import { ruleSetId } from '../scoring-rules/scoring-rules.model.js';
import { rankAmong } from '../evaluations/evaluations.rules.js';
import { describeScorableEvent } from '../scoring-events/scorable-events.js';
import { correctScoreEntry } from './corrections.js';
import { loadDivisionScore } from './division-score.js';

export const ledgerResolvers: AssessmentResolvers = {
  Query: {
    // Ranks and totals are for everybody; what stays restricted is the entries behind them.
    leaderboard: async (_, args, ctx) => {
      const period = formatPeriod(parsePeriod(args.period));
      const ranking = await ctx.loaders.ranking.load(rankingKey(period, args.category));
      return ranking.map(({ divisionId, total, rank }) => ({
        rank,
        points: total,
        divisionId,
        period,
      }));
    },
    scoreEntry: async (_, { id }, ctx) => {
      const entry = await ctx.models.scoreEntries.findById(id).lean();
      if (entry) requireScoreViewer(ctx.viewer, entry.divisionId);
      return entry;
    },
  },

  Mutation: {
    correctScoreEntry: (_, { input }, ctx) => {
      requireAssessmentManager(ctx.viewer);
      return correctScoreEntry(ctx.models, input, ctx.viewer);
    },
  },

  LeaderboardRow: {
    division: (row) => ({ id: row.divisionId }),
    score: (row, _, ctx) => loadDivisionScore(ctx, row.divisionId, row.period),
  },

  Division: {
    score: (division, { period }, ctx) => loadDivisionScore(ctx, division.id, period),
    rank: async (division, args, ctx) => {
      const period = formatPeriod(parsePeriod(args.period));
      const ranking = await ctx.loaders.ranking.load(rankingKey(period, args.category));
      return rankAmong(ranking, division.id).rank;
    },
  },

  DivisionScore: {
    division: (score) => ({ id: score.divisionId }),
    explanation: (score, args, ctx, info) => {
      requireScoreViewer(ctx.viewer, score.divisionId);
      // The scores of a leaderboard or a list of divisions share one loader: one aggregation.
      return ctx.loaders
        .scoreEntryPages(
          {
            ...periodFilter(parsePeriod(score.period)),
            ...(args.category ? { category: args.category } : {}),
          },
          { field: 'source.eventTime' },
        )
        .load({
          key: score.divisionId,
          first: args.first,
          after: args.after,
          countTotal: wantsCount(info),
        });
    },
  },

  ScoreEntry: {
    id: (entry) => entry._id,
    division: (entry) => ({ id: entry.divisionId }),
    sourceEvent: async (entry, _, ctx) => {
      const stored = await ctx.loaders.scoringEvent.load(entry.source.eventId);
      return {
        id: entry.source.eventId,
        type: entry.source.eventType,
        time: entry.source.eventTime,
        summary: stored ? describeScorableEvent(stored.type, stored.envelope.data) : null,
      };
    },
    rule: async (entry, _, ctx) => {
      const ruleSet = await ctx.loaders.ruleSetVersion.load(
        ruleSetId(entry.year, entry.rule.ruleSetVersion),
      );
      const description =
        ruleSet?.rules.find((rule) => rule.id === entry.rule.id)?.description ?? null;
      return { ...entry.rule, description };
    },
  },
};
