import type { SharingModels } from '../models.js';
import { readOnTimeRate, type ReadingTally } from '../distribution/distribution.rules.js';

/**
 * A division's reading record: requests addressed to it, and requests to its people once they
 * acknowledged from it (a person's request is counted for the division they read it in).
 */
export async function distributionStats(models: SharingModels, divisionId: string, now: Date) {
  const [tally] = await models.readingRequests.aggregate<ReadingTally>([
    { $match: { divisionId } },
    {
      $group: {
        _id: null,
        requested: { $sum: 1 },
        read: { $sum: { $cond: [{ $ne: ['$acknowledgedAt', null] }, 1, 0] } },
        readOnTime: { $sum: { $cond: [{ $eq: ['$onTime', true] }, 1, 0] } },
        overdue: {
          $sum: {
            $cond: [{ $and: [{ $eq: ['$acknowledgedAt', null] }, { $lt: ['$dueAt', now] }] }, 1, 0],
          },
        },
      },
    },
  ]);
  const counts = tally ?? { requested: 0, read: 0, readOnTime: 0, overdue: 0 };
  return {
    requested: counts.requested,
    read: counts.read,
    readOnTime: counts.readOnTime,
    overdue: counts.overdue,
    readOnTimeRate: readOnTimeRate(counts),
  };
}
