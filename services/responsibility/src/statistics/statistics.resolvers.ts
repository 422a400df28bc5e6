import { badInput } from '@heli/subgraph-runtime';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import { chinaYear } from '../clock/china-time.js';
import { loadReferenced } from '../records/referenced.js';
import {
  aggregateVisibilityFilter,
  mattersByDivisionStatusMonth,
  onTimeRates,
  type CountedMatter,
} from './matter-statistics.rules.js';

/** The parent of every `Statistics` field: the year the figures are for. */
export interface StatisticsRef {
  year: number;
}

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function statisticsOf(year: number): StatisticsRef {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw badInput(`年份须在 ${FIRST_YEAR} 到 ${LAST_YEAR} 之间`, { fields: ['year'] });
  }
  return { year };
}

/** The year's matters the viewer may count: created in it, or completed in it. */
async function countedMatters(ctx: ResponsibilityContext, year: number): Promise<CountedMatter[]> {
  const { start, end } = chinaYear(year);
  return ctx.models.assignments
    .find(
      {
        $and: [
          aggregateVisibilityFilter(ctx.viewer),
          {
            $or: [
              { createdAt: { $gte: start, $lt: end } },
              { completedAt: { $gte: start, $lt: end } },
            ],
          },
        ],
      },
      { leadDivisionId: 1, status: 1, createdAt: 1, completedAt: 1, completedOnTime: 1 },
    )
    .lean<CountedMatter[]>();
}

export const statisticsResolvers: ResponsibilityResolvers = {
  Query: {
    statistics: (_, { year }) => statisticsOf(year),
  },
  Statistics: {
    __resolveReference: ({ year }) => statisticsOf(year),
    mattersByDivisionStatusMonth: async ({ year }, _, ctx) => {
      const { start, end } = chinaYear(year);
      const created = (await countedMatters(ctx, year)).filter(
        (matter) => matter.createdAt >= start && matter.createdAt < end,
      );
      return mattersByDivisionStatusMonth(created);
    },
    onTimeRates: async ({ year }, _, ctx) => onTimeRates(await countedMatters(ctx, year), year),
  },
  MatterCount: {
    division: (count, _, ctx) => loadReferenced(ctx.loaders.division, count.divisionId),
  },
  OnTimeRate: {
    division: (rate, _, ctx) => loadReferenced(ctx.loaders.division, rate.divisionId),
  },
};
