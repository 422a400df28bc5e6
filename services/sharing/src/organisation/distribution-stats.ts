import { forbidden } from '@heli/subgraph-runtime';
import {
  canSeeDivisionRecord,
  readableClassifications,
  type Viewer,
} from '../access/visibility.rules.js';
import type { SharingModels } from '../models.js';
import type { DirectoryDivisionRecord } from '@heli/directory-read-model';
import { readOnTimeRate, type ReadingTally } from '../distribution/distribution.rules.js';

/**
 * A division's reading record: requests addressed to it, and requests to its people once they
 * acknowledged from it (a person's request is counted for the division they read it in). Only
 * requests for documents within the viewer's clearance are counted, so the numbers do not tell
 * them that documents above it were sent.
 */
export async function distributionStats(
  models: SharingModels,
  viewer: Viewer,
  divisionId: string,
  now: Date,
) {
  const division = await models.directoryDivisions
    .findById(divisionId, { officeId: 1 })
    .lean<Pick<DirectoryDivisionRecord, '_id' | 'officeId'>>();
  if (!canSeeDivisionRecord(viewer, divisionId, division?.officeId ?? null)) {
    throw forbidden('只有本处室人员和厅领导可以查看处室的阅知情况');
  }
  const [tally] = await models.readingRequests.aggregate<ReadingTally>([
    {
      $match: {
        divisionId,
        classification: { $in: readableClassifications(viewer.clearance) },
      },
    },
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
