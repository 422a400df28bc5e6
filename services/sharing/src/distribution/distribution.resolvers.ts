import { isOfficeLeader } from '@heli/auth';
import { paginate } from '@heli/subgraph-runtime';
import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isoTime, parseIsoTime } from '../shared/iso-time.js';
import type { PageArgs } from '../shared/page-args.js';
import { writeSharing } from '../shared/sharing-write.js';
import {
  acknowledgeReading,
  canManageDistributions,
  distributeDocument,
  remindUnreadReaders,
} from './distribution.commands.js';
import type { DistributionRecord, ReadingRequestRecord } from './distribution.model.js';
import { readingStatus, readingStatusFilter, type ReadingStatus } from './distribution.rules.js';
import { readingInbox } from './reading-inbox.js';

interface DistributeArgs {
  input: {
    documentId: string;
    staffIds?: string[] | null;
    divisionIds?: string[] | null;
    dueAt: string;
    note?: string | null;
  };
}

type StatusPageArgs = PageArgs & { status?: ReadingStatus | null };

export function distributionResolvers({ clock }: SharingDependencies): SharingResolvers {
  const count = (ctx: SharingContext, distributionId: string, status?: ReadingStatus) =>
    ctx.models.readingRequests
      .countDocuments({ distributionId, ...(status && readingStatusFilter(status, clock.now())) })
      .exec();

  return {
    Query: {
      distribution: async (_: unknown, { id }: { id: string }, ctx: SharingContext) => {
        const distribution = await ctx.loaders.distribution.load(id);
        return distribution && canManageDistributions(ctx.viewer, distribution.senderDivisionId)
          ? distribution
          : null;
      },
      sentDistributions: (_: unknown, args: PageArgs, ctx: SharingContext) =>
        paginate(
          ctx.models.distributions,
          isOfficeLeader(ctx.viewer) ? {} : { senderDivisionId: ctx.viewer.divisionId ?? '' },
          { ...args, sort: { field: 'distributedAt', direction: 'DESC' } },
        ),
      readingInbox: (_: unknown, args: StatusPageArgs, ctx: SharingContext) =>
        readingInbox(ctx, ctx.viewer, args, clock.now()),
    },

    Mutation: {
      distributeDocument: (_: unknown, { input }: DistributeArgs, ctx: SharingContext) => {
        const dueAt = parseIsoTime(input.dueAt, 'dueAt');
        return writeSharing(ctx, (write) =>
          distributeDocument(write, ctx.viewer, { ...input, dueAt }, clock.now()),
        );
      },
      acknowledgeReading: (
        _: unknown,
        { input }: { input: { readingRequestId: string; comment?: string | null } },
        ctx: SharingContext,
      ) => writeSharing(ctx, (write) => acknowledgeReading(write, ctx.viewer, input, clock.now())),
      remindUnreadReaders: (
        _: unknown,
        { distributionId }: { distributionId: string },
        ctx: SharingContext,
      ) =>
        writeSharing(ctx, (write) =>
          remindUnreadReaders(write, ctx.viewer, distributionId, clock.now()),
        ),
    },

    Distribution: {
      id: (distribution: DistributionRecord) => distribution._id,
      document: (distribution: DistributionRecord, _: unknown, ctx: SharingContext) =>
        viewDocument(ctx, distribution.documentId, 'Distribution.document'),
      sender: (distribution: DistributionRecord) => ({ id: distribution.senderStaffId }),
      senderDivision: (distribution: DistributionRecord) => ({ id: distribution.senderDivisionId }),
      dueAt: (distribution: DistributionRecord) => isoTime(distribution.dueAt),
      distributedAt: (distribution: DistributionRecord) => isoTime(distribution.distributedAt),
      recipientCount: (distribution: DistributionRecord, _: unknown, ctx: SharingContext) =>
        count(ctx, distribution._id),
      readCount: (distribution: DistributionRecord, _: unknown, ctx: SharingContext) =>
        count(ctx, distribution._id, 'READ'),
      unreadCount: (distribution: DistributionRecord, _: unknown, ctx: SharingContext) =>
        ctx.models.readingRequests
          .countDocuments({ distributionId: distribution._id, acknowledgedAt: null })
          .exec(),
      overdueCount: (distribution: DistributionRecord, _: unknown, ctx: SharingContext) =>
        count(ctx, distribution._id, 'OVERDUE'),
      readingRequests: (
        distribution: DistributionRecord,
        args: StatusPageArgs,
        ctx: SharingContext,
      ) =>
        paginate(
          ctx.models.readingRequests,
          {
            distributionId: distribution._id,
            ...(args.status && readingStatusFilter(args.status, clock.now())),
          },
          args,
        ),
    },

    ReadingRequest: {
      id: (request: ReadingRequestRecord) => request._id,
      document: (request: ReadingRequestRecord, _: unknown, ctx: SharingContext) =>
        viewDocument(ctx, request.documentId, 'ReadingRequest.document'),
      recipientStaff: (request: ReadingRequestRecord) =>
        request.recipientStaffId === null ? null : { id: request.recipientStaffId },
      recipientDivision: (request: ReadingRequestRecord) =>
        request.recipientDivisionId === null ? null : { id: request.recipientDivisionId },
      status: (request: ReadingRequestRecord) => readingStatus(request, clock.now()),
      sentAt: (request: ReadingRequestRecord) => isoTime(request.sentAt),
      dueAt: (request: ReadingRequestRecord) => isoTime(request.dueAt),
      acknowledgedAt: (request: ReadingRequestRecord) => isoTime(request.acknowledgedAt),
      acknowledgedBy: (request: ReadingRequestRecord) =>
        request.acknowledgedByStaffId === null ? null : { id: request.acknowledgedByStaffId },
      lastRemindedAt: (request: ReadingRequestRecord) => isoTime(request.lastRemindedAt),
    },
  };
}
