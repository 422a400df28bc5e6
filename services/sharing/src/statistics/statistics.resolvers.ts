import type { SharingResolvers } from '../context.js';
import {
  chinaYear,
  readingCountFilter,
  readingRates,
  type CountedReading,
} from './reading-statistics.rules.js';

/** The parent of every `Statistics` field: the year the figures are for (checked by its owner). */
export interface StatisticsRef {
  year: number;
}

export const statisticsResolvers: SharingResolvers = {
  Statistics: {
    __resolveReference: ({ year }) => ({ year }),
    readingRates: async ({ year }, _, ctx) => {
      const { start, end } = chinaYear(year);
      const readings = await ctx.models.readingRequests
        .find(
          { $and: [readingCountFilter(ctx.viewer), { dueAt: { $gte: start, $lt: end } }] },
          { divisionId: 1, dueAt: 1, acknowledgedAt: 1, onTime: 1 },
        )
        .lean<CountedReading[]>();
      return readingRates(readings);
    },
  },
  ReadingRate: {
    division: (rate) => ({ id: rate.divisionId }),
  },
};
