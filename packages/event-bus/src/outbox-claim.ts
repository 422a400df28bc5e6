import type { Collection, mongo } from 'mongoose';
import type { OutboxRecord } from './outbox-record.js';

/**
 * How relays share one outbox without publishing the same record twice at the same time, and
 * without overtaking each other:
 *
 * - A record is claimable when it is unpublished and nobody holds a live lease on it.
 * - A relay may only start a batch by leasing the *oldest* unpublished record (the head). While
 *   another relay holds the head — or any record after it that it already leased — the others
 *   wait, so one relay at a time publishes, in creation order.
 * - Every lease is taken with a conditional update (the claimable filter is part of the update's
 *   filter), so when two relays race for a record exactly one of them gets it.
 * - A crashed relay's leases expire after `leaseMs`; whoever re-publishes its records does so with
 *   the same message id, and JetStream drops the duplicate inside its duplicate window.
 */

/** Mongo filter for records nobody may be publishing right now. Mirrors `isClaimable`. */
export function claimableFilter(now: Date): mongo.Filter<OutboxRecord> {
  return {
    publishedAt: null,
    $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now } }],
  };
}

export function isClaimable(record: OutboxRecord, now: Date): boolean {
  return (
    record.publishedAt === null &&
    (record.claimedUntil === null || record.claimedUntil.getTime() <= now.getTime())
  );
}

export type ClaimRequest = {
  /** Unique per relay and batch, so the relay can tell its own leases from stale ones. */
  claimId: string;
  now: Date;
  leaseMs: number;
  batchSize: number;
};

const OLDEST_FIRST = { createdAt: 1, _id: 1 } as const;

/**
 * Leases up to `batchSize` unpublished records, oldest first, starting with the head of the outbox.
 * Returns them in creation order; empty when there is nothing to publish or another relay is busy.
 */
export async function claimBatch(
  outbox: Collection<OutboxRecord>,
  { claimId, now, leaseMs, batchSize }: ClaimRequest,
): Promise<OutboxRecord[]> {
  const lease = { $set: { claimedBy: claimId, claimedUntil: new Date(now.getTime() + leaseMs) } };

  const head = await outbox.findOne({ publishedAt: null }, { sort: OLDEST_FIRST });
  if (head === null || !isClaimable(head, now)) return [];
  const wonHead = await outbox.updateOne({ _id: head._id, ...claimableFilter(now) }, lease);
  if (wonHead.modifiedCount === 0) return [];

  if (batchSize > 1) {
    const next = await outbox
      .find(
        { _id: { $ne: head._id }, ...claimableFilter(now) },
        { sort: OLDEST_FIRST, limit: batchSize - 1, projection: { _id: 1 } },
      )
      .toArray();
    if (next.length > 0) {
      await outbox.updateMany(
        { _id: { $in: next.map((r) => r._id) }, ...claimableFilter(now) },
        lease,
      );
    }
  }
  return outbox.find({ claimedBy: claimId, publishedAt: null }, { sort: OLDEST_FIRST }).toArray();
}

/** Marks a leased record published; a no-op if the lease was lost to another relay meanwhile. */
export async function markPublished(
  outbox: Collection<OutboxRecord>,
  record: OutboxRecord,
  claimId: string,
  now: Date,
): Promise<void> {
  await outbox.updateOne(
    { _id: record._id, claimedBy: claimId },
    { $set: { publishedAt: now, claimedBy: null, claimedUntil: null } },
  );
}

/** Hands unpublished leases back, so another relay (or this one, later) can take them at once. */
export async function releaseClaims(
  outbox: Collection<OutboxRecord>,
  claimId: string,
): Promise<void> {
  await outbox.updateMany(
    { claimedBy: claimId, publishedAt: null },
    { $set: { claimedBy: null, claimedUntil: null } },
  );
}

export async function recordPublishFailure(
  outbox: Collection<OutboxRecord>,
  record: OutboxRecord,
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await outbox.updateOne(
    { _id: record._id },
    { $inc: { attempts: 1 }, $set: { lastError: message } },
  );
}
