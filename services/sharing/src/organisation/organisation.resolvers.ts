import { forbidden } from '@heli/subgraph-runtime';
import { visibleCatalogEntries } from '../catalog/catalog.resolvers.js';
import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import type { ReadingStatus } from '../distribution/distribution.rules.js';
import { readingInbox } from '../distribution/reading-inbox.js';
import type { PageArgs } from '../shared/page-args.js';
import { distributionStats } from './distribution-stats.js';

type EntityRef = { id: string };

export function organisationResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Staff: {
      __resolveReference: ({ id }: EntityRef) => ({ id }),
      readingInbox: (
        staff: EntityRef,
        args: PageArgs & { status?: ReadingStatus | null },
        ctx: SharingContext,
      ) => {
        if (staff.id !== ctx.viewer.sub) throw forbidden('只能查看本人的阅件');
        return readingInbox(ctx, ctx.viewer, args, clock.now());
      },
    },

    Division: {
      __resolveReference: ({ id }: EntityRef) => ({ id }),
      catalogEntries: (division: EntityRef, args: PageArgs, ctx: SharingContext) =>
        visibleCatalogEntries(ctx, division.id, args),
      distributionStats: (division: EntityRef, _: unknown, ctx: SharingContext) =>
        distributionStats(ctx.models, division.id, clock.now()),
    },
  };
}
