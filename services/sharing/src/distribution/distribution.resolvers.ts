import { isOfficeLeader } from '@heli/auth';
import { paginate, wantsCount } from '@heli/subgraph-runtime';
import type { SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isoTime } from '../schema/iso-time.js';
import { writeSharing } from '../records/sharing-write.js';
import {
  acknowledgeReading,
  canManageDistributions,
  distributeDocument,
  remindUnreadReaders,
} from './distribution.commands.js';
import {
  hasRead,
  readerLines,
  readingStatus,
  readingStatusFilter,
  withReceipts,
} from './distribution.rules.js';
import { readingInbox } from './reading-inbox.js';

export function distributionResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      distribution: async (_, { id }, ctx) => {
        const distribution = await ctx.loaders.distribution.load(id);
        return distribution && canManageDistributions(ctx.viewer, distribution.senderDivisionId)
          ? distribution
          : null;
      },
      sentDistributions: (_, args, ctx, info) =>
        paginate(
          ctx.models.distributions,
          isOfficeLeader(ctx.viewer) ? {} : { senderDivisionId: ctx.viewer.divisionId ?? '' },
          { ...args, sort: { field: 'distributedAt', direction: 'DESC' } },
          info,
        ),
      readingInbox: (_, args, ctx, info) => readingInbox(ctx, ctx.viewer, args, clock.now(), info),
    },

    Mutation: {
      distributeDocument: (_, { input }, ctx) =>
        writeSharing(ctx, (write) => distributeDocument(write, ctx.viewer, input, clock.now())),
      acknowledgeReading: (_, { input }, ctx) =>
        writeSharing(ctx, (write) => acknowledgeReading(write, ctx.viewer, input, clock.now())),
      remindUnreadReaders: (_, { distributionId }, ctx) =>
        writeSharing(ctx, (write) =>
          remindUnreadReaders(write, ctx.viewer, distributionId, clock.now()),
        ),
    },

    Distribution: {
      id: (distribution) => distribution._id,
      document: (distribution, _, ctx) =>
        viewDocument(ctx, distribution.documentId, 'Distribution.document'),
      sender: (distribution) => ({ id: distribution.senderStaffId }),
      senderDivision: (distribution) => ({ id: distribution.senderDivisionId }),
      dueAt: (distribution) => isoTime(distribution.dueAt),
      distributedAt: (distribution) => isoTime(distribution.distributedAt),
      recipientCount: async (distribution, _, ctx) =>
        (await ctx.loaders.distributionCounts.load(distribution._id)).recipients,
      readCount: async (distribution, _, ctx) =>
        (await ctx.loaders.distributionCounts.load(distribution._id)).read,
      unreadCount: async (distribution, _, ctx) =>
        (await ctx.loaders.distributionCounts.load(distribution._id)).unread,
      overdueCount: async (distribution, _, ctx) =>
        (await ctx.loaders.distributionCounts.load(distribution._id)).overdue,
      readingRequests: (distribution, { status, first, after }, ctx, info) =>
        ctx.loaders
          .distributionReadings(
            status ? readingStatusFilter(status, ctx.loaders.now) : {},
            // In the order addressed, as the schema promises.
            { field: 'position', direction: 'ASC' },
          )
          .load({ key: distribution._id, first, after, countTotal: wantsCount(info) }),
    },

    ReadingRequest: {
      id: (request) => request._id,
      document: (request, _, ctx) =>
        viewDocument(ctx, request.documentId, 'ReadingRequest.document'),
      recipientStaff: (request) =>
        request.recipientStaffId === null ? null : { id: request.recipientStaffId },
      recipientDivision: (request) =>
        request.recipientDivisionId === null ? null : { id: request.recipientDivisionId },
      status: (request) => readingStatus(request, clock.now()),
      sentAt: (request) => isoTime(request.sentAt),
      dueAt: (request) => isoTime(request.dueAt),
      acknowledgedAt: (request) => isoTime(request.acknowledgedAt),
      acknowledgedBy: (request) =>
        request.acknowledgedByStaffId === null ? null : { id: request.acknowledgedByStaffId },
      lastRemindedAt: (request) => isoTime(request.lastRemindedAt),
      everyoneMustRead: (request) => withReceipts(request).everyoneMustRead,
      readers: (request) => readerLines(withReceipts(request)),
      readByMe: (request, _, ctx) => hasRead(withReceipts(request), ctx.viewer.sub),
    },

    ReadingReceipt: {
      staff: (line) => ({ id: line.staffId }),
    },
  };
}
