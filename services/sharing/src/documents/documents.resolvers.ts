import { paginate } from '@heli/subgraph-runtime';
import { documentVisibilityFilter } from '../access/visibility.rules.js';
import { canFollowCirculation } from '../circulation/circulation.commands.js';
import type { SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { isoTime } from '../schema/iso-time.js';
import { writeSharing } from '../records/sharing-write.js';
import { searchDocuments } from './document-search.js';
import { registerDocument } from './documents.commands.js';
import { listedBy, markListed, viewDocument } from './visible-documents.js';

export function documentsResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      document: (_, { id }, ctx) => viewDocument(ctx, id, 'document'),
      // A list names documents without opening them, so it is not a view; reading a listed
      // document's text is (see Document.body).
      documents: async (_, args, ctx, info) => {
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
          info,
        );
        markListed(
          page.edges.map((edge) => edge.node),
          'documents',
        );
        return page;
      },
      searchDocuments: async (_, args, ctx) => {
        const found = await searchDocuments(ctx.models, ctx.viewer, args);
        markListed(
          found.hits.map((hit) => hit.document),
          'searchDocuments',
        );
        return found;
      },
    },

    Mutation: {
      registerDocument: async (_, { input }, ctx) => {
        const document = await writeSharing(ctx, (write) =>
          registerDocument(write, ctx.viewer, input, clock.now()),
        );
        await ctx.loaders.documentViews.record([document], 'registerDocument');
        return document;
      },
    },

    Document: {
      __resolveReference: ({ id }, ctx) => viewDocument(ctx, id, '_entities'),
      id: (document) => document._id,
      registeredAt: (document) => isoTime(document.registeredAt),
      body: async (document, _, ctx) => {
        const list = listedBy(document);
        if (list !== null) await ctx.loaders.documentViews.record([document], list);
        return document.body;
      },
      registeringDivision: (document) => ({ id: document.registeringDivisionId }),
      registeredBy: (document) => ({ id: document.registeredByStaffId }),
      distributions: (document, _, ctx) => ctx.loaders.documentDistributions.load(document._id),
      instructions: (document, _, ctx) => ctx.loaders.documentInstructions.load(document._id),
      // Seeing the document is not enough to follow its circulations: the same rule as
      // `circulation(id)`, so hops, readers and comments do not leak through this field.
      circulations: async (document, _, ctx) => {
        const circulations = await ctx.loaders.documentCirculations.load(document._id);
        return circulations.filter((circulation) => canFollowCirculation(ctx.viewer, circulation));
      },
    },
  };
}
