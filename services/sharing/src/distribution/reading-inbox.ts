import type { HeliClaims } from '@heli/auth';
import { paginate, type CountChoice } from '@heli/subgraph-runtime';
import { readableClassifications } from '../access/visibility.rules.js';
import type { SharingModels } from '../models.js';
import type { PageArgs } from '../schema/page-args.js';
import { readingStatusFilter, type ReadingStatus } from './distribution.rules.js';

/**
 * A person's 阅件: requests to them or their division, within their clearance (a division
 * request for a document above a member's clearance is not theirs to read), newest first.
 */
export function readingInbox(
  { models }: { models: SharingModels },
  reader: HeliClaims,
  args: PageArgs & { status?: ReadingStatus | null },
  now: Date,
  count: CountChoice,
) {
  const addressed: Record<string, unknown>[] = [{ recipientStaffId: reader.sub }];
  if (reader.divisionId !== null) addressed.push({ recipientDivisionId: reader.divisionId });
  const conditions: Record<string, unknown>[] = [
    { $or: addressed },
    { classification: { $in: readableClassifications(reader.clearance) } },
  ];
  if (args.status) conditions.push(readingStatusFilter(args.status, now));
  return paginate(
    models.readingRequests,
    { $and: conditions },
    {
      ...args,
      sort: { field: 'sentAt', direction: 'DESC' },
    },
    count,
  );
}
