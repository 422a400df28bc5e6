import { sharingEvents } from '@heli/event-contracts';
import type { Outbox } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { SharingModels } from '../models.js';
import { writeSharing } from '../records/sharing-write.js';
import type { ReadingRequestRecord } from './distribution.model.js';

const BATCH = 500;

/**
 * Announces each reading that passed its due time unread — once: the request is marked in the
 * same transaction as its `reading.overdue` event, and only unmarked requests are picked.
 * For a request to a division, the event names the division head, who answers for its readings
 * (the division id itself when the directory does not know the head yet). Returns how many.
 */
export async function announceOverdueReadings(
  scope: { models: SharingModels; outbox: Outbox },
  now: Date,
): Promise<number> {
  let announced = 0;
  for (;;) {
    const count = await writeSharing(scope, async (write) => {
      const { models, session } = write;
      const overdue = await models.readingRequests
        .find({ acknowledgedAt: null, overdueAnnouncedAt: null, dueAt: { $lt: now } })
        .sort({ dueAt: 1, _id: 1 })
        .limit(BATCH)
        .session(session)
        .lean<ReadingRequestRecord[]>();
      if (overdue.length === 0) return 0;
      const heads = await divisionHeads(models, session, overdue);
      const staffDivisions = await staffDivisionsOf(models, session, overdue);
      await models.readingRequests.updateMany(
        { _id: { $in: overdue.map((request) => request._id) }, overdueAnnouncedAt: null },
        { $set: { overdueAnnouncedAt: now } },
        { session },
      );
      for (const request of overdue) {
        const divisionId =
          request.recipientDivisionId ?? staffDivisions.get(request.recipientStaffId!) ?? null;
        write.emit(
          sharingEvents.readingOverdue,
          {
            readingRequestId: request._id,
            documentId: request.documentId,
            staffId:
              request.recipientStaffId ??
              heads.get(request.recipientDivisionId!) ??
              request.recipientDivisionId!,
            divisionId,
            dueAt: request.dueAt.toISOString(),
            detectedAt: now.toISOString(),
          },
          { subject: request._id },
        );
      }
      return overdue.length;
    });
    announced += count;
    if (count < BATCH) return announced;
  }
}

async function divisionHeads(
  models: SharingModels,
  session: ClientSession,
  requests: ReadingRequestRecord[],
) {
  const ids = [
    ...new Set(requests.flatMap((r) => (r.recipientDivisionId ? [r.recipientDivisionId] : []))),
  ];
  if (ids.length === 0) return new Map<string, string>();
  const divisions = await models.directoryDivisions
    .find({ _id: { $in: ids } })
    .session(session)
    .lean();
  return new Map(
    divisions.flatMap((d) => (d.headStaffId ? [[d._id, d.headStaffId] as const] : [])),
  );
}

async function staffDivisionsOf(
  models: SharingModels,
  session: ClientSession,
  requests: ReadingRequestRecord[],
) {
  const ids = [
    ...new Set(requests.flatMap((r) => (r.recipientStaffId ? [r.recipientStaffId] : []))),
  ];
  if (ids.length === 0) return new Map<string, string>();
  const staff = await models.directoryStaff
    .find({ _id: { $in: ids } })
    .session(session)
    .lean();
  return new Map(staff.flatMap((s) => (s.divisionId ? [[s._id, s.divisionId] as const] : [])));
}
