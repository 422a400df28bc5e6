import { badInput, paginate, selectsField } from '@heli/subgraph-runtime';
import type { GraphQLResolveInfo } from 'graphql';
import { catalogVisibilityFilter } from '../access/visibility.rules.js';
import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { isoTime } from '../schema/iso-time.js';
import type { PageArgs } from '../schema/page-args.js';
import { writeSharing } from '../records/sharing-write.js';
import { CATALOG_ORDER } from './catalog-order.js';
import { searchCatalog } from './catalog-search.js';
import {
  catalogFilterConditions,
  catalogFilterProblem,
  type CatalogFilter,
} from './catalog-filter.rules.js';
import { citeCatalogEntry, openCatalogEntry, publishCatalogEntry } from './catalog.commands.js';

/** Entries the viewer may see, newest first, optionally of one division or narrowed by a filter. */
export function visibleCatalogEntries(
  ctx: SharingContext,
  sourceDivisionId: string | null | undefined,
  args: PageArgs,
  info: GraphQLResolveInfo,
  filter?: CatalogFilter | null,
) {
  const problem = catalogFilterProblem(filter);
  if (problem) throw badInput(problem, { fields: ['filter'] });
  const conditions: Record<string, unknown>[] = [
    catalogVisibilityFilter(ctx.viewer),
    ...catalogFilterConditions(filter),
  ];
  if (sourceDivisionId) conditions.push({ sourceDivisionId });
  return paginate(
    ctx.models.catalogEntries,
    { $and: conditions },
    { ...args, sort: CATALOG_ORDER },
    info,
  );
}

/**
 * A division's entries the viewer may see, through the per-request loader: a list of divisions
 * with their entries is one aggregation, not a find and a count per division.
 */
export function divisionCatalogEntries(
  ctx: SharingContext,
  divisionId: string,
  { first, after }: PageArgs,
  info: GraphQLResolveInfo,
) {
  return ctx.loaders.divisionCatalogPage.load({
    key: divisionId,
    first,
    after,
    countTotal: selectsField(info, 'totalCount'),
  });
}

export function catalogResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      catalogEntry: (_, { id }, ctx) => ctx.loaders.catalogEntry.load(id),
      catalogEntries: (_, args, ctx, info) =>
        visibleCatalogEntries(ctx, args.sourceDivisionId, args, info, args.filter),
      searchCatalog: (_, args, ctx) =>
        searchCatalog(ctx.models, ctx.viewer, args.query, args, args.filter),
    },

    Mutation: {
      publishCatalogEntry: (_, { input }, ctx) =>
        writeSharing(ctx, (write) =>
          publishCatalogEntry(
            write,
            ctx.viewer,
            { ...input, keywords: input.keywords ?? [] },
            clock.now(),
          ),
        ),
      openCatalogEntry: (_, { id }, ctx) =>
        writeSharing(ctx, (write) => openCatalogEntry(write, ctx.viewer, id, clock.now())),
      citeCatalogEntry: (_, { input }, ctx) =>
        writeSharing(ctx, (write) => citeCatalogEntry(write, ctx.viewer, input, clock.now())),
    },

    CatalogEntry: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.catalogEntry.load(id),
      id: (entry) => entry._id,
      sourceDivision: (entry) => ({ id: entry.sourceDivisionId }),
      publishedBy: (entry) => ({ id: entry.publishedByStaffId }),
      publishedAt: (entry) => isoTime(entry.publishedAt),
    },

    CatalogCitation: {
      id: (citation) => citation._id,
      citedBy: (citation) => ({ id: citation.staffId }),
      citingDivision: (citation) => ({ id: citation.divisionId }),
      citedAt: (citation) => isoTime(citation.at),
    },
  };
}
