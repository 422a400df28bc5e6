import DataLoader from 'dataloader';
import { forbidden } from '@heli/subgraph-runtime';
import {
  canSeeDivisionRecord,
  readableClassifications,
  type Viewer,
} from '../access/visibility.rules.js';
import type { SharingModels } from '../models.js';
import type { DirectoryDivisionRecord } from '@heli/directory-read-model';
import { readOnTimeRate, type ReadingTally } from '../distribution/distribution.rules.js';

export interface DistributionStats extends ReadingTally {
  readOnTimeRate: number | null;
}

/**
 * Divisions' reading records for one request: requests addressed to each, and requests to its
 * people once they acknowledged from it (a person's request is counted for the division they
 * read it in). Only requests for documents within the viewer's clearance are counted, so the
 * numbers do not tell them that documents above it were sent. A list of divisions costs one
 * directory lookup and one aggregation; a division the viewer may not see answers FORBIDDEN.
 */
export function distributionStatsLoader(models: SharingModels, viewer: Viewer, now: Date) {
  return new DataLoader<string, DistributionStats>(async (divisionIds) => {
    const ids = [...divisionIds];
    const [divisions, tallies] = await Promise.all([
      models.directoryDivisions
        .find({ _id: { $in: ids } }, { officeId: 1 })
        .lean<Pick<DirectoryDivisionRecord, '_id' | 'officeId'>[]>(),
      models.readingRequests.aggregate<ReadingTally & { _id: string }>([
        {
          $match: {
            divisionId: { $in: ids },
            classification: { $in: readableClassifications(viewer.clearance) },
          },
        },
        {
          $group: {
            _id: '$divisionId',
            requested: { $sum: 1 },
            read: { $sum: { $cond: [{ $ne: ['$acknowledgedAt', null] }, 1, 0] } },
            readOnTime: { $sum: { $cond: [{ $eq: ['$onTime', true] }, 1, 0] } },
            overdue: {
              $sum: {
                $cond: [
                  { $and: [{ $eq: ['$acknowledgedAt', null] }, { $lt: ['$dueAt', now] }] },
                  1,
                  0,
                ],
              },
            },
          },
        },
      ]),
    ]);
    const officeOf = new Map(divisions.map((division) => [division._id, division.officeId]));
    const tallyOf = new Map(tallies.map((tally) => [tally._id, tally]));
    return ids.map((divisionId) => {
      if (!canSeeDivisionRecord(viewer, divisionId, officeOf.get(divisionId) ?? null)) {
        return forbidden('只有本处室人员和厅领导可以查看处室的阅知情况');
      }
      const { requested, read, readOnTime, overdue } = tallyOf.get(divisionId) ?? {
        requested: 0,
        read: 0,
        readOnTime: 0,
        overdue: 0,
      };
      const counts = { requested, read, readOnTime, overdue };
      return { ...counts, readOnTimeRate: readOnTimeRate(counts) };
    });
  });
}
