import { canRead, isOfficeLeader, type HeliClaims } from '@heli/auth';
import { sharingEvents } from '@heli/event-contracts';
import { conflict, forbidden, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { documentVisibilityFilter } from '../access/visibility.rules.js';
import { grantReaders } from '../documents/documents.commands.js';
import type { DocumentRecord } from '../documents/documents.model.js';
import { newEntityId } from '../records/entity-id.js';
import type { SharingWrite } from '../records/sharing-write.js';
import type { CirculationRecord } from './circulation.model.js';
import {
  acknowledgeHop,
  currentHop,
  overdueHopCount,
  returnHop,
  routeProblems,
  skipNextReader,
  startCirculation as startState,
  type CirculationState,
} from './circulation.rules.js';
import { rejectUnfitRecipients } from '../organisation/recipients.js';

/** Starters, readers on the route and office leadership follow a circulation, within clearance. */
export function canFollowCirculation(viewer: HeliClaims, circulation: CirculationRecord): boolean {
  if (!canRead(viewer.clearance, circulation.classification)) return false;
  return (
    circulation.startedByStaffId === viewer.sub ||
    circulation.route.includes(viewer.sub) ||
    isOfficeLeader(viewer)
  );
}

/** 传阅: the document goes round `route` in order, each reader with `hopTimeLimitHours`. */
export async function startCirculation(
  write: SharingWrite,
  starter: HeliClaims,
  input: { documentId: string; route: string[]; hopTimeLimitHours: number },
  now: Date,
): Promise<CirculationRecord> {
  const { models, session } = write;
  const document = await models.documents
    .findOne({ $and: [{ _id: input.documentId }, documentVisibilityFilter(starter)] })
    .session(session)
    .lean<DocumentRecord>();
  if (!document) throw notFound(`文件 ${input.documentId}`);
  if (!(isOfficeLeader(starter) || starter.divisionId === document.registeringDivisionId)) {
    throw forbidden('只有登记该文件的处室或厅领导可以发起传阅');
  }
  rejectProblems(routeProblems(input.route, input.hopTimeLimitHours));
  await rejectUnfitRecipients(write, starter, { staffIds: input.route }, document);

  const state = startState(input.route, input.hopTimeLimitHours, now);
  const circulation: CirculationRecord = {
    _id: newEntityId('circulation'),
    documentId: document._id,
    classification: document.classification,
    startedByStaffId: starter.sub,
    startedAt: now,
    ...state,
    holderStaffId: currentHop(state)?.staffId ?? null,
  };
  await models.circulations.create([circulation], { session });
  await grantReaders(write, document._id, { staffIds: input.route });
  announceHolder(write, circulation, now);
  return circulation;
}

/** Tells who now holds the circulation, if it moved to someone (notifications tell them). */
function announceHolder(write: SharingWrite, circulation: CirculationRecord, now: Date): void {
  const hop = currentHop(circulation);
  if (!hop) return;
  write.emit(
    sharingEvents.circulationReached,
    {
      circulationId: circulation._id,
      documentId: circulation.documentId,
      holderStaffId: hop.staffId,
      startedByStaffId: circulation.startedByStaffId,
      hopDueAt: hop.dueAt.toISOString(),
      reachedAt: now.toISOString(),
    },
    { subject: circulation._id },
  );
}

export type CirculationAction =
  | { kind: 'acknowledge'; comment: string | null }
  | { kind: 'return'; reason: string }
  | { kind: 'skip-next'; reason: string };

/** The current holder acts; completion is recorded and announced with the overdue hop count. */
export async function actOnCirculation(
  write: SharingWrite,
  actor: HeliClaims,
  circulationId: string,
  action: CirculationAction,
  now: Date,
): Promise<CirculationRecord> {
  const { models, session } = write;
  const before = await models.circulations
    .findById(circulationId)
    .session(session)
    .lean<CirculationRecord>();
  if (!before || !canFollowCirculation(actor, before)) throw notFound(`传阅 ${circulationId}`);

  const next: CirculationState =
    action.kind === 'acknowledge'
      ? acknowledgeHop(before, actor.sub, action.comment, now)
      : action.kind === 'return'
        ? returnHop(before, actor.sub, action.reason, now)
        : skipNextReader(before, actor.sub, action.reason, now);

  const after = await models.circulations
    .findOneAndUpdate(
      // Acting on the state that was read: a concurrent action in between changed the hops.
      { _id: before._id, hops: { $size: before.hops.length } },
      {
        $set: {
          position: next.position,
          hops: next.hops,
          status: next.status,
          completedAt: next.completedAt,
          holderStaffId: currentHop(next)?.staffId ?? null,
        },
      },
      { new: true, session },
    )
    .lean<CirculationRecord>();
  if (!after) throw conflict('传阅状态已变化，请刷新后重试');
  announceHolder(write, after, now);
  if (next.status === 'COMPLETED') {
    write.emit(
      sharingEvents.circulationCompleted,
      {
        circulationId: after._id,
        documentId: after.documentId,
        completedAt: now.toISOString(),
        overdueHops: overdueHopCount(next, now),
      },
      { subject: after._id },
    );
  }
  return after;
}
