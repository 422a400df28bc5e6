import { paginate } from '@heli/subgraph-runtime';
import { catalogVisibilityFilter } from '../access/visibility.rules.js';
import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { isoTime } from '../shared/iso-time.js';
import type { PageArgs } from '../shared/page-args.js';
import { writeSharing } from '../shared/sharing-write.js';
import { searchCatalog } from './catalog-search.js';
import {
  citeCatalogEntry,
  openCatalogEntry,
  publishCatalogEntry,
  type PublishCatalogEntryInput,
} from './catalog.commands.js';
import type { CatalogEntryRecord, CatalogUseRecord } from './catalog.model.js';

/** Entries the viewer may see, newest first; shared by `catalogEntries` and `Division.catalogEntries`. */
export function visibleCatalogEntries(
  ctx: SharingContext,
  sourceDivisionId: string | null | undefined,
  args: PageArgs,
) {
  const conditions: Record<string, unknown>[] = [catalogVisibilityFilter(ctx.viewer)];
  if (sourceDivisionId) conditions.push({ sourceDivisionId });
  return paginate(
    ctx.models.catalogEntries,
    { $and: conditions },
    {
      ...args,
      sort: { field: 'publishedAt', direction: 'DESC' },
    },
  );
}

export function catalogResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      catalogEntry: (_: unknown, { id }: { id: string }, ctx: SharingContext) =>
        ctx.loaders.catalogEntry.load(id),
      catalogEntries: (
        _: unknown,
        args: PageArgs & { sourceDivisionId?: string | null },
        ctx: SharingContext,
      ) => visibleCatalogEntries(ctx, args.sourceDivisionId, args),
      searchCatalog: (_: unknown, args: PageArgs & { query: string }, ctx: SharingContext) =>
        searchCatalog(ctx.models, ctx.viewer, args.query, args),
    },

    Mutation: {
      publishCatalogEntry: (
        _: unknown,
        {
          input,
        }: { input: Omit<PublishCatalogEntryInput, 'keywords'> & { keywords?: string[] | null } },
        ctx: SharingContext,
      ) =>
        writeSharing(ctx, (write) =>
          publishCatalogEntry(
            write,
            ctx.viewer,
            { ...input, keywords: input.keywords ?? [] },
            clock.now(),
          ),
        ),
      openCatalogEntry: (_: unknown, { id }: { id: string }, ctx: SharingContext) =>
        writeSharing(ctx, (write) => openCatalogEntry(write, ctx.viewer, id, clock.now())),
      citeCatalogEntry: (
        _: unknown,
        { input }: { input: { entryId: string; note?: string | null } },
        ctx: SharingContext,
      ) => writeSharing(ctx, (write) => citeCatalogEntry(write, ctx.viewer, input, clock.now())),
    },

    CatalogEntry: {
      __resolveReference: ({ id }: { id: string }, ctx: SharingContext) =>
        ctx.loaders.catalogEntry.load(id),
      id: (entry: CatalogEntryRecord) => entry._id,
      sourceDivision: (entry: CatalogEntryRecord) => ({ id: entry.sourceDivisionId }),
      publishedBy: (entry: CatalogEntryRecord) => ({ id: entry.publishedByStaffId }),
      publishedAt: (entry: CatalogEntryRecord) => isoTime(entry.publishedAt),
    },

    CatalogCitation: {
      id: (citation: CatalogUseRecord) => citation._id,
      entry: (citation: CatalogUseRecord, _: unknown, ctx: SharingContext) =>
        ctx.loaders.catalogEntry.load(citation.entryId),
      citedBy: (citation: CatalogUseRecord) => ({ id: citation.staffId }),
      citingDivision: (citation: CatalogUseRecord) => ({ id: citation.divisionId }),
      citedAt: (citation: CatalogUseRecord) => isoTime(citation.at),
    },
  };
}
