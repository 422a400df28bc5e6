import { badInput, paginate } from '@heli/subgraph-runtime';
import { canFollowCirculation } from '../circulation/circulation.commands.js';
import type { SharingContext, SharingResolvers } from '../context.js';
import { canManageDistributions } from '../distribution/distribution.commands.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isSecretariatStaff, requireSecretariat } from '../organisation/secretariat.js';
import { isoTime, parseIsoTime } from '../shared/iso-time.js';
import type { PageArgs } from '../shared/page-args.js';
import { writeSharing } from '../shared/sharing-write.js';
import { scheduleInfoDigest } from './digest-schedules.js';
import {
  compileInfoDigest,
  decideInfo,
  submitInfo,
  type DigestDeliveryInput,
} from './info-collection.commands.js';
import type {
  DigestScheduleRecord,
  InfoDigestRecord,
  InfoSubmissionRecord,
  InfoSubmissionStatus,
} from './info-collection.model.js';
import { submissionVisibilityFilter } from './info-collection.rules.js';

interface CompileArgs {
  input: {
    title: string;
    submissionIds?: string[] | null;
    distribution?: {
      staffIds?: string[] | null;
      divisionIds?: string[] | null;
      readingHours: number;
    } | null;
    circulation?: { route: string[]; hopTimeLimitHours: number } | null;
  };
}

interface ScheduleArgs {
  input: {
    title: string;
    everyDays: number;
    firstRunAt: string;
    staffIds?: string[] | null;
    divisionIds?: string[] | null;
    readingHours: number;
  };
}

function deliveryOf({ distribution, circulation }: CompileArgs['input']): DigestDeliveryInput {
  if ((distribution ? 1 : 0) + (circulation ? 1 : 0) !== 1) {
    throw badInput('请选择分送或传阅其中一种方式', { fields: ['distribution', 'circulation'] });
  }
  return distribution
    ? {
        kind: 'distribution',
        staffIds: distribution.staffIds ?? [],
        divisionIds: distribution.divisionIds ?? [],
        readingHours: distribution.readingHours,
      }
    : {
        kind: 'circulation',
        route: circulation!.route,
        hopTimeLimitHours: circulation!.hopTimeLimitHours,
      };
}

async function visibilityFor(ctx: SharingContext) {
  return submissionVisibilityFilter(ctx.viewer, await isSecretariatStaff(ctx.models, ctx.viewer));
}

export function infoCollectionResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      infoSubmissions: async (
        _: unknown,
        args: PageArgs & { status?: InfoSubmissionStatus | null },
        ctx: SharingContext,
      ) => {
        const conditions = [
          await visibilityFor(ctx),
          ...(args.status ? [{ status: args.status }] : []),
        ];
        return paginate(
          ctx.models.infoSubmissions,
          { $and: conditions },
          {
            ...args,
            sort: { field: 'submittedAt', direction: 'DESC' },
          },
        );
      },
      infoSubmission: async (_: unknown, { id }: { id: string }, ctx: SharingContext) =>
        ctx.models.infoSubmissions
          .findOne({ $and: [{ _id: id }, await visibilityFor(ctx)] })
          .lean()
          .exec(),
      infoDigests: async (_: unknown, __: unknown, ctx: SharingContext) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        return ctx.models.infoDigests
          .find()
          .sort({ compiledAt: -1, _id: 1 })
          .limit(100)
          .lean()
          .exec();
      },
    },

    Mutation: {
      submitInfo: (
        _: unknown,
        { input }: { input: { title: string; content: string } },
        ctx: SharingContext,
      ) => writeSharing(ctx, (write) => submitInfo(write, ctx.viewer, input, clock.now())),
      adoptInfo: async (_: unknown, { id }: { id: string }, ctx: SharingContext) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        return writeSharing(ctx, (write) =>
          decideInfo(write, ctx.viewer, id, { adopt: true }, clock.now()),
        );
      },
      returnInfo: async (
        _: unknown,
        { id, reason }: { id: string; reason: string },
        ctx: SharingContext,
      ) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        return writeSharing(ctx, (write) =>
          decideInfo(write, ctx.viewer, id, { adopt: false, reason }, clock.now()),
        );
      },
      compileInfoDigest: async (_: unknown, { input }: CompileArgs, ctx: SharingContext) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        const delivery = deliveryOf(input);
        return writeSharing(ctx, (write) =>
          compileInfoDigest(
            write,
            ctx.viewer,
            { title: input.title, submissionIds: input.submissionIds, delivery },
            clock.now(),
          ),
        );
      },
      scheduleInfoDigest: async (_: unknown, { input }: ScheduleArgs, ctx: SharingContext) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        const firstRunAt = parseIsoTime(input.firstRunAt, 'firstRunAt');
        return writeSharing(ctx, (write) =>
          scheduleInfoDigest(
            write,
            ctx.viewer,
            {
              ...input,
              firstRunAt,
              staffIds: input.staffIds ?? [],
              divisionIds: input.divisionIds ?? [],
            },
            clock.now(),
          ),
        );
      },
    },

    InfoSubmission: {
      id: (submission: InfoSubmissionRecord) => submission._id,
      submitterOffice: (submission: InfoSubmissionRecord) => ({ id: submission.submitterOfficeId }),
      submitterDivision: (submission: InfoSubmissionRecord) =>
        submission.submitterDivisionId === null ? null : { id: submission.submitterDivisionId },
      submittedBy: (submission: InfoSubmissionRecord) => ({ id: submission.submittedByStaffId }),
      submittedAt: (submission: InfoSubmissionRecord) => isoTime(submission.submittedAt),
      decidedBy: (submission: InfoSubmissionRecord) =>
        submission.decidedByStaffId === null ? null : { id: submission.decidedByStaffId },
      decidedAt: (submission: InfoSubmissionRecord) => isoTime(submission.decidedAt),
      digests: (submission: InfoSubmissionRecord, _: unknown, ctx: SharingContext) =>
        ctx.models.infoDigests
          .find({ _id: { $in: submission.digestIds } })
          .sort({ compiledAt: 1 })
          .lean()
          .exec(),
    },

    InfoDigest: {
      id: (digest: InfoDigestRecord) => digest._id,
      // Only the items the viewer may see: a submitter following their item into a digest does
      // not thereby see what others submitted.
      items: async (digest: InfoDigestRecord, _: unknown, ctx: SharingContext) => {
        const visible = await ctx.models.infoSubmissions
          .find({ $and: [{ _id: { $in: digest.submissionIds } }, await visibilityFor(ctx)] })
          .lean<InfoSubmissionRecord[]>();
        const byId = new Map(visible.map((item) => [item._id, item]));
        return digest.submissionIds.flatMap((id) => byId.get(id) ?? []);
      },
      document: (digest: InfoDigestRecord, _: unknown, ctx: SharingContext) =>
        viewDocument(ctx, digest.documentId, 'InfoDigest.document'),
      distribution: async (digest: InfoDigestRecord, _: unknown, ctx: SharingContext) => {
        if (digest.distributionId === null) return null;
        const distribution = await ctx.loaders.distribution.load(digest.distributionId);
        return distribution && canManageDistributions(ctx.viewer, distribution.senderDivisionId)
          ? distribution
          : null;
      },
      circulation: async (digest: InfoDigestRecord, _: unknown, ctx: SharingContext) => {
        if (digest.circulationId === null) return null;
        const circulation = await ctx.loaders.circulation.load(digest.circulationId);
        return circulation && canFollowCirculation(ctx.viewer, circulation) ? circulation : null;
      },
      compiledBy: (digest: InfoDigestRecord) => ({ id: digest.compiledByStaffId }),
      compiledAt: (digest: InfoDigestRecord) => isoTime(digest.compiledAt),
    },

    InfoDigestSchedule: {
      id: (schedule: DigestScheduleRecord) => schedule._id,
      nextRunAt: (schedule: DigestScheduleRecord) => isoTime(schedule.nextRunAt),
      recipientStaff: (schedule: DigestScheduleRecord) =>
        schedule.recipientStaffIds.map((id) => ({ id })),
      recipientDivisions: (schedule: DigestScheduleRecord) =>
        schedule.recipientDivisionIds.map((id) => ({ id })),
    },
  };
}
