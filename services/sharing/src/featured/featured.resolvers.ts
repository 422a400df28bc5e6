import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isoTime } from '../shared/iso-time.js';
import { requireSecretariat } from '../organisation/secretariat.js';
import { writeSharing } from '../shared/sharing-write.js';
import { publishFeaturedIssue } from './featured.commands.js';
import type { FeaturedIssueRecord, FeaturedItemRef } from './featured.model.js';

interface PublishArgs {
  input: {
    title: string;
    catalogEntryIds?: string[] | null;
    infoSubmissionIds?: string[] | null;
    readingHours: number;
  };
}

export function featuredResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      // An issue goes to every division of its office: its people see it, others do not.
      featuredIssues: (_: unknown, { first }: { first?: number | null }, ctx: SharingContext) =>
        ctx.models.featuredIssues
          .find({ officeId: ctx.viewer.officeId })
          .sort({ publishedAt: -1, _id: 1 })
          .limit(Math.min(Math.max(first ?? 20, 1), 100))
          .lean()
          .exec(),
    },

    Mutation: {
      publishFeaturedIssue: async (_: unknown, { input }: PublishArgs, ctx: SharingContext) => {
        await requireSecretariat(ctx.models, ctx.viewer);
        return writeSharing(ctx, (write) =>
          publishFeaturedIssue(
            write,
            ctx.viewer,
            {
              title: input.title,
              catalogEntryIds: input.catalogEntryIds ?? [],
              infoSubmissionIds: input.infoSubmissionIds ?? [],
              readingHours: input.readingHours,
            },
            clock.now(),
          ),
        );
      },
    },

    FeaturedIssue: {
      id: (issue: FeaturedIssueRecord) => issue._id,
      document: (issue: FeaturedIssueRecord, _: unknown, ctx: SharingContext) =>
        viewDocument(ctx, issue.documentId, 'FeaturedIssue.document'),
      publishedBy: (issue: FeaturedIssueRecord) => ({ id: issue.publishedByStaffId }),
      publishedAt: (issue: FeaturedIssueRecord) => isoTime(issue.publishedAt),
    },

    FeaturedItem: {
      catalogEntry: (item: FeaturedItemRef, _: unknown, ctx: SharingContext) =>
        item.kind === 'CATALOG_ENTRY' ? ctx.loaders.catalogEntry.load(item.itemId) : null,
      // An adopted item went out in the issue to every division, so its readers may see it.
      infoSubmission: (item: FeaturedItemRef, _: unknown, ctx: SharingContext) =>
        item.kind === 'INFO_SUBMISSION' ? ctx.loaders.infoSubmission.load(item.itemId) : null,
      sourceDivision: (item: FeaturedItemRef) =>
        item.sourceDivisionId === null ? null : { id: item.sourceDivisionId },
    },
  };
}
