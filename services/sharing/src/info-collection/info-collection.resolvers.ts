import { badInput, paginate } from '@heli/subgraph-runtime';
import { canFollowCirculation } from '../circulation/circulation.commands.js';
import type { SharingContext, SharingResolvers } from '../context.js';
import { canManageDistributions } from '../distribution/distribution.commands.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import type { CompileInfoDigestInput } from '../generated/resolvers-types.js';
import { isSecretariatStaff, requireSecretariat } from '../organisation/secretariat.js';
import { rejectUnfitRecipients } from '../organisation/recipients.js';
import { isoTime } from '../schema/iso-time.js';
import { writeSharing } from '../records/sharing-write.js';
import { scheduleInfoDigest } from './digest-schedules.js';
import {
  compileInfoDigest,
  decideInfo,
  submitInfo,
  type DigestDeliveryInput,
} from './info-collection.commands.js';
import type { InfoSubmissionRecord } from './info-collection.model.js';
import { submissionVisibilityFilter } from './info-collection.rules.js';

function deliveryOf({ distribution, circulation }: CompileInfoDigestInput): DigestDeliveryInput {
  if (distribution && !circulation) {
    return {
      kind: 'distribution',
      staffIds: distribution.staffIds ?? [],
      divisionIds: distribution.divisionIds ?? [],
      readingHours: distribution.readingHours,
    };
  }
  if (circulation && !distribution) {
    return {
      kind: 'circulation',
      route: circulation.route,
      hopTimeLimitHours: circulation.hopTimeLimitHours,
    };
  }
  throw badInput('请选择分送或传阅其中一种方式', { fields: ['distribution', 'circulation'] });
}

async function visibilityFor(ctx: SharingContext) {
  return submissionVisibilityFilter(ctx.viewer, await isSecretariatStaff(ctx.models, ctx.viewer));
}

export function infoCollectionResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      infoSubmissions: async (_, args, ctx, info) => {
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
          info,
        );
      },
      infoSubmission: async (_, { id }, ctx) =>
        ctx.models.infoSubmissions
          .findOne({ $and: [{ _id: id }, await visibilityFor(ctx)] })
          .lean()
          .exec(),
      infoDigests: async (_, __, ctx) => {
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
      submitInfo: (_, { input }, ctx) =>
        writeSharing(ctx, (write) => submitInfo(write, ctx.viewer, input, clock.now())),
      adoptInfo: async (_, { id }, ctx) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        return writeSharing(ctx, (write) =>
          decideInfo(write, ctx.viewer, id, { adopt: true }, clock.now()),
        );
      },
      returnInfo: async (_, { id, reason }, ctx) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        return writeSharing(ctx, (write) =>
          decideInfo(write, ctx.viewer, id, { adopt: false, reason }, clock.now()),
        );
      },
      compileInfoDigest: async (_, { input }, ctx) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        const delivery = deliveryOf(input);
        return writeSharing(ctx, async (write) => {
          await rejectUnfitRecipients(
            write,
            ctx.viewer,
            delivery.kind === 'distribution' ? delivery : { staffIds: delivery.route },
          );
          return compileInfoDigest(
            write,
            ctx.viewer,
            { title: input.title, submissionIds: input.submissionIds, delivery },
            clock.now(),
          );
        });
      },
      scheduleInfoDigest: async (_, { input }, ctx) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        const firstRunAt = input.firstRunAt;
        return writeSharing(ctx, async (write) => {
          await rejectUnfitRecipients(write, ctx.viewer, input);
          return scheduleInfoDigest(
            write,
            ctx.viewer,
            {
              ...input,
              firstRunAt,
              staffIds: input.staffIds ?? [],
              divisionIds: input.divisionIds ?? [],
            },
            clock.now(),
          );
        });
      },
    },

    InfoSubmission: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.visibleInfoSubmission.load(id),
      id: (submission) => submission._id,
      submitterOffice: (submission) => ({ id: submission.submitterOfficeId }),
      submitterDivision: (submission) =>
        submission.submitterDivisionId === null ? null : { id: submission.submitterDivisionId },
      submittedBy: (submission) => ({ id: submission.submittedByStaffId }),
      submittedAt: (submission) => isoTime(submission.submittedAt),
      decidedBy: (submission) =>
        submission.decidedByStaffId === null ? null : { id: submission.decidedByStaffId },
      decidedAt: (submission) => isoTime(submission.decidedAt),
      digests: async (submission, _, ctx) =>
        (await Promise.all(submission.digestIds.map((id) => ctx.loaders.infoDigest.load(id))))
          .filter((digest) => digest !== null)
          .sort((a, b) => a.compiledAt.getTime() - b.compiledAt.getTime()),
    },

    InfoDigest: {
      id: (digest) => digest._id,
      // Only the items the viewer may see: a submitter following their item into a digest does
      // not thereby see what others submitted.
      items: async (digest, _, ctx) =>
        (
          await Promise.all(
            digest.submissionIds.map((id) => ctx.loaders.visibleInfoSubmission.load(id)),
          )
        ).filter((item): item is InfoSubmissionRecord => item !== null),
      document: (digest, _, ctx) => viewDocument(ctx, digest.documentId, 'InfoDigest.document'),
      distribution: async (digest, _, ctx) => {
        if (digest.distributionId === null) return null;
        const distribution = await ctx.loaders.distribution.load(digest.distributionId);
        return distribution && canManageDistributions(ctx.viewer, distribution.senderDivisionId)
          ? distribution
          : null;
      },
      circulation: async (digest, _, ctx) => {
        if (digest.circulationId === null) return null;
        const circulation = await ctx.loaders.circulation.load(digest.circulationId);
        return circulation && canFollowCirculation(ctx.viewer, circulation) ? circulation : null;
      },
      compiledBy: (digest) => ({ id: digest.compiledByStaffId }),
      compiledAt: (digest) => isoTime(digest.compiledAt),
    },

    InfoDigestSchedule: {
      id: (schedule) => schedule._id,
      nextRunAt: (schedule) => isoTime(schedule.nextRunAt),
      recipientStaff: (schedule) => schedule.recipientStaffIds.map((id) => ({ id })),
      recipientDivisions: (schedule) => schedule.recipientDivisionIds.map((id) => ({ id })),
    },
  };
}
