import { isOfficeLeader, type Classification } from '@heli/auth';
import { paginate } from '@heli/subgraph-runtime';
import { documentVisibilityFilter } from '../access/visibility.rules.js';
import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { isoTime } from '../shared/iso-time.js';
import type { PageArgs } from '../shared/page-args.js';
import { writeSharing } from '../shared/sharing-write.js';
import { registerDocument } from './documents.commands.js';
import type { DocumentKind, DocumentRecord } from './documents.model.js';
import type { DocumentRegistration } from './documents.rules.js';
import { viewDocument } from './visible-documents.js';

interface DocumentListArgs extends PageArgs {
  kind?: DocumentKind | null;
  classification?: Classification | null;
}

export function documentsResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      document: (_: unknown, { id }: { id: string }, ctx: SharingContext) =>
        viewDocument(ctx, id, 'document'),
      documents: async (_: unknown, args: DocumentListArgs, ctx: SharingContext) => {
        const conditions: Record<string, unknown>[] = [documentVisibilityFilter(ctx.viewer)];
        if (args.kind) conditions.push({ kind: args.kind });
        if (args.classification) conditions.push({ classification: args.classification });
        const page = await paginate(
          ctx.models.documents,
          { $and: conditions },
          {
            ...args,
            sort: { field: 'registeredAt', direction: 'DESC' },
          },
        );
        await ctx.loaders.documentViews.record(
          page.edges.map((edge) => edge.node as DocumentRecord),
          'documents',
        );
        return page;
      },
    },

    Mutation: {
      registerDocument: async (
        _: unknown,
        { input }: { input: DocumentRegistration },
        ctx: SharingContext,
      ) => {
        const document = await writeSharing(ctx, (write) =>
          registerDocument(write, ctx.viewer, input, clock.now()),
        );
        await ctx.loaders.documentViews.record([document], 'registerDocument');
        return document;
      },
    },

    Document: {
      __resolveReference: ({ id }: { id: string }, ctx: SharingContext) =>
        viewDocument(ctx, id, '_entities'),
      id: (document: DocumentRecord) => document._id,
      registeredAt: (document: DocumentRecord) => isoTime(document.registeredAt),
      registeringDivision: (document: DocumentRecord) => ({ id: document.registeringDivisionId }),
      registeredBy: (document: DocumentRecord) => ({ id: document.registeredByStaffId }),
      distributions: (document: DocumentRecord, _: unknown, ctx: SharingContext) => {
        const filter: Record<string, unknown> = { documentId: document._id };
        if (!isOfficeLeader(ctx.viewer)) filter['senderDivisionId'] = ctx.viewer.divisionId;
        return ctx.models.distributions
          .find(filter)
          .sort({ distributedAt: 1, _id: 1 })
          .lean()
          .exec();
      },
      instructions: (document: DocumentRecord, _: unknown, ctx: SharingContext) =>
        ctx.models.instructions
          .find({ documentId: document._id })
          .sort({ issuedAt: 1, _id: 1 })
          .lean()
          .exec(),
      circulations: (document: DocumentRecord, _: unknown, ctx: SharingContext) =>
        ctx.models.circulations
          .find({ documentId: document._id })
          .sort({ startedAt: 1, _id: 1 })
          .lean()
          .exec(),
    },
  };
}
