import type { SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isoTime } from '../schema/iso-time.js';
import { requireSecretariat } from '../organisation/secretariat.js';
import { writeSharing } from '../records/sharing-write.js';
import { publishFeaturedIssue } from './featured.commands.js';

export function featuredResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      // An issue goes to every division of its office: its people see it, others do not.
      featuredIssues: (_, { first }, ctx) =>
        ctx.models.featuredIssues
          .find({ officeId: ctx.viewer.officeId })
          .sort({ publishedAt: -1, _id: 1 })
          // The SDL default does not apply when a client passes `first: null` explicitly.
          .limit(Math.min(Math.max(first ?? 20, 1), 100))
          .lean()
          .exec(),
    },

    Mutation: {
      publishFeaturedIssue: async (_, { input }, ctx) => {
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
      id: (issue) => issue._id,
      document: (issue, _, ctx) => viewDocument(ctx, issue.documentId, 'FeaturedIssue.document'),
      publishedBy: (issue) => ({ id: issue.publishedByStaffId }),
      publishedAt: (issue) => isoTime(issue.publishedAt),
    },

    FeaturedItem: {
      catalogEntry: (item, _, ctx) =>
        item.kind === 'CATALOG_ENTRY' ? ctx.loaders.catalogEntry.load(item.itemId) : null,
      // An adopted item went out in the issue to every division, so its readers may see it.
      infoSubmission: (item, _, ctx) =>
        item.kind === 'INFO_SUBMISSION' ? ctx.loaders.infoSubmission.load(item.itemId) : null,
      sourceDivision: (item) =>
        item.sourceDivisionId === null ? null : { id: item.sourceDivisionId },
    },
  };
}
