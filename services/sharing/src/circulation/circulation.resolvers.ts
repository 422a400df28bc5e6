import { readableClassifications } from '../access/visibility.rules.js';
import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isoTime } from '../schema/iso-time.js';
import { writeSharing } from '../records/sharing-write.js';
import {
  actOnCirculation,
  canFollowCirculation,
  startCirculation,
  type CirculationAction,
} from './circulation.commands.js';
import { currentHop, isHopOverdue, overdueHopCount } from './circulation.rules.js';

export function circulationResolvers({ clock }: SharingDependencies): SharingResolvers {
  const act = (ctx: SharingContext, circulationId: string, action: CirculationAction) =>
    writeSharing(ctx, (write) =>
      actOnCirculation(write, ctx.viewer, circulationId, action, clock.now()),
    );

  return {
    Query: {
      circulation: async (_, { id }, ctx) => {
        const circulation = await ctx.loaders.circulation.load(id);
        return circulation && canFollowCirculation(ctx.viewer, circulation) ? circulation : null;
      },
      myCirculations: (_, { holding }, ctx) =>
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
      startCirculation: (_, { input }, ctx) =>
        writeSharing(ctx, (write) => startCirculation(write, ctx.viewer, input, clock.now())),
      acknowledgeCirculation: (_, { circulationId, comment }, ctx) =>
        act(ctx, circulationId, { kind: 'acknowledge', comment: comment?.trim() || null }),
      returnCirculation: (_, { circulationId, reason }, ctx) =>
        act(ctx, circulationId, { kind: 'return', reason: reason.trim() }),
      skipNextCirculationReader: (_, { circulationId, reason }, ctx) =>
        act(ctx, circulationId, { kind: 'skip-next', reason: reason.trim() }),
    },

    Circulation: {
      id: (circulation) => circulation._id,
      document: (circulation, _, ctx) =>
        viewDocument(ctx, circulation.documentId, 'Circulation.document'),
      startedBy: (circulation) => ({ id: circulation.startedByStaffId }),
      startedAt: (circulation) => isoTime(circulation.startedAt),
      route: (circulation) => circulation.route.map((id) => ({ id })),
      currentHolder: (circulation) => {
        const hop = currentHop(circulation);
        return hop ? { id: hop.staffId } : null;
      },
      currentHopDueAt: (circulation) => isoTime(currentHop(circulation)?.dueAt),
      currentHopOverdue: (circulation) => {
        const hop = currentHop(circulation);
        return hop !== null && isHopOverdue(hop, clock.now());
      },
      completedAt: (circulation) => isoTime(circulation.completedAt),
      overdueHops: (circulation) => overdueHopCount(circulation, clock.now()),
    },

    CirculationHop: {
      reader: (hop) => ({ id: hop.staffId }),
      receivedAt: (hop) => isoTime(hop.receivedAt),
      dueAt: (hop) => isoTime(hop.dueAt),
      actedAt: (hop) => isoTime(hop.actedAt),
      overdue: (hop) => isHopOverdue(hop, clock.now()),
    },
  };
}
