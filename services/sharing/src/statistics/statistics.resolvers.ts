import type { SharingResolvers } from '../context.js';

/** The parent of every `Statistics` field: the year the figures are for (checked by its owner). */
export interface StatisticsRef {
  year: number;
}

export const statisticsResolvers: SharingResolvers = {
  Statistics: {
    __resolveReference: ({ year }) => ({ year }),
    readingRates: ({ year }, _, ctx) => ctx.loaders.readingRates.load(year),
  },
  ReadingRate: {
    division: (rate) => ({ id: rate.divisionId }),
  },
};
