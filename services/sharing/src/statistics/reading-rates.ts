import DataLoader from 'dataloader';
import type { HeliClaims } from '@heli/auth';
import type { ReadingRequestModel } from '../distribution/distribution.model.js';
import {
  chinaYear,
  readingCountFilter,
  readingRates,
  type CountedReading,
  type ReadingRate,
} from './reading-statistics.rules.js';

/**
 * `Statistics.readingRates` per year for one request: the years asked for together (several
 * `Statistics` entities) are one query over their readings, split by year here.
 */
export function readingRatesLoader(
  readingRequests: ReadingRequestModel,
  viewer: Pick<HeliClaims, 'roles' | 'divisionId' | 'clearance'>,
) {
  return new DataLoader<number, ReadingRate[]>(async (years) => {
    const ranges = years.map((year) => ({ year, ...chinaYear(year) }));
    const readings = await readingRequests
      .find(
        {
          $and: [
            readingCountFilter(viewer),
            { $or: ranges.map(({ start, end }) => ({ dueAt: { $gte: start, $lt: end } })) },
          ],
        },
        { divisionId: 1, dueAt: 1, acknowledgedAt: 1, onTime: 1 },
      )
      .lean<CountedReading[]>();
    return ranges.map(({ start, end }) =>
      readingRates(readings.filter(({ dueAt }) => dueAt >= start && dueAt < end)),
    );
  });
}
