import DataLoader from 'dataloader';
import type { ReadingRequestModel } from './distribution.model.js';

/** A distribution's readings counted by where they stand (`Distribution.recipientCount` …). */
export interface DistributionCounts {
  recipients: number;
  read: number;
  unread: number;
  /** Unread past the due time (also counted as unread). */
  overdue: number;
}

const NONE: DistributionCounts = { recipients: 0, read: 0, unread: 0, overdue: 0 };

/**
 * A per-request loader of the reading counts of distributions: a page of distributions with
 * their counts is one aggregation over their readings, not four counts per distribution. `now`
 * is the request's one instant, so every distribution's overdue count is taken at the same time.
 */
export function distributionCountsLoader(readingRequests: ReadingRequestModel, now: Date) {
  const unread = { $eq: [{ $ifNull: ['$acknowledgedAt', null] }, null] };
  return new DataLoader<string, DistributionCounts>(async (distributionIds) => {
    const groups = await readingRequests.aggregate<{ _id: string } & DistributionCounts>([
      { $match: { distributionId: { $in: [...distributionIds] } } },
      {
        $group: {
          _id: '$distributionId',
          recipients: { $sum: 1 },
          unread: { $sum: { $cond: [unread, 1, 0] } },
          overdue: { $sum: { $cond: [{ $and: [unread, { $lt: ['$dueAt', now] }] }, 1, 0] } },
        },
      },
    ]);
    const byId = new Map(groups.map((group) => [group._id, group]));
    return distributionIds.map((id) => {
      const group = byId.get(id);
      if (!group) return NONE;
      return {
        recipients: group.recipients,
        read: group.recipients - group.unread,
        unread: group.unread,
        overdue: group.overdue,
      };
    });
  });
}
