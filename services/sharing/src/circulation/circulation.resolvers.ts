import { readableClassifications } from '../access/visibility.rules.js';
import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isoTime } from '../shared/iso-time.js';
import { writeSharing } from '../shared/sharing-write.js';
import {
  actOnCirculation,
  canFollowCirculation,
  startCirculation,
  type CirculationAction,
} from './circulation.commands.js';
import type { CirculationRecord } from './circulation.model.js';
import {
  currentHop,
  isHopOverdue,
  overdueHopCount,
  type CirculationHop,
} from './circulation.rules.js';

export function circulationResolvers({ clock }: SharingDependencies): SharingResolvers {
  const act = (ctx: SharingContext, circulationId: string, action: CirculationAction) =>
    writeSharing(ctx, (write) =>
      actOnCirculation(write, ctx.viewer, circulationId, action, clock.now()),
    );

  return {
    Query: {
      circulation: async (_: unknown, { id }: { id: string }, ctx: SharingContext) => {
        const circulation = await ctx.loaders.circulation.load(id);
        return circulation && canFollowCirculation(ctx.viewer, circulation) ? circulation : null;
      },
      myCirculations: (
        _: unknown,
        { holding }: { holding?: boolean | null },
        ctx: SharingContext,
      ) =>
        ctx.models.circulations
          .find({
            ...(holding ? { holderStaffId: ctx.viewer.sub } : { route: ctx.viewer.sub }),
            classification: { $in: readableClassifications(ctx.viewer.clearance) },
          })
          .sort({ startedAt: -1, _id: 1 })
          .limit(100)
          .lean()
          .exec(),
    },

    Mutation: {
      startCirculation: (
        _: unknown,
        { input }: { input: { documentId: string; route: string[]; hopTimeLimitHours: number } },
        ctx: SharingContext,
      ) => writeSharing(ctx, (write) => startCirculation(write, ctx.viewer, input, clock.now())),
      acknowledgeCirculation: (
        _: unknown,
        { circulationId, comment }: { circulationId: string; comment?: string | null },
        ctx: SharingContext,
      ) => act(ctx, circulationId, { kind: 'acknowledge', comment: comment?.trim() || null }),
      returnCirculation: (
        _: unknown,
        { circulationId, reason }: { circulationId: string; reason: string },
        ctx: SharingContext,
      ) => act(ctx, circulationId, { kind: 'return', reason: reason.trim() }),
      skipNextCirculationReader: (
        _: unknown,
        { circulationId, reason }: { circulationId: string; reason: string },
        ctx: SharingContext,
      ) => act(ctx, circulationId, { kind: 'skip-next', reason: reason.trim() }),
    },

    Circulation: {
      id: (circulation: CirculationRecord) => circulation._id,
      document: (circulation: CirculationRecord, _: unknown, ctx: SharingContext) =>
        viewDocument(ctx, circulation.documentId, 'Circulation.document'),
      startedBy: (circulation: CirculationRecord) => ({ id: circulation.startedByStaffId }),
      startedAt: (circulation: CirculationRecord) => isoTime(circulation.startedAt),
      route: (circulation: CirculationRecord) => circulation.route.map((id) => ({ id })),
      currentHolder: (circulation: CirculationRecord) => {
        const hop = currentHop(circulation);
        return hop ? { id: hop.staffId } : null;
      },
      currentHopDueAt: (circulation: CirculationRecord) => isoTime(currentHop(circulation)?.dueAt),
      currentHopOverdue: (circulation: CirculationRecord) => {
        const hop = currentHop(circulation);
        return hop !== null && isHopOverdue(hop, clock.now());
      },
      completedAt: (circulation: CirculationRecord) => isoTime(circulation.completedAt),
      overdueHops: (circulation: CirculationRecord) => overdueHopCount(circulation, clock.now()),
    },

    CirculationHop: {
      reader: (hop: CirculationHop) => ({ id: hop.staffId }),
      receivedAt: (hop: CirculationHop) => isoTime(hop.receivedAt),
      dueAt: (hop: CirculationHop) => isoTime(hop.dueAt),
      actedAt: (hop: CirculationHop) => isoTime(hop.actedAt),
      overdue: (hop: CirculationHop) => isHopOverdue(hop, clock.now()),
    },
  };
}
