import { forbidden, wantsCount } from '@heli/subgraph-runtime';
import { divisionCatalogEntries } from '../catalog/catalog.resolvers.js';
import type { SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';

export function organisationResolvers(_: SharingDependencies): SharingResolvers {
  return {
    Staff: {
      __resolveReference: ({ id }) => ({ id }),
      readingInbox: (staff, args, ctx, info) => {
        if (staff.id !== ctx.viewer.sub) throw forbidden('只能查看本人的阅件');
        return ctx.loaders.ownReadingInbox.load({
          status: args.status ?? null,
          first: args.first ?? null,
          after: args.after ?? null,
          countTotal: wantsCount(info),
        });
      },
    },

    Division: {
      __resolveReference: ({ id }) => ({ id }),
      catalogEntries: (division, args, ctx, info) =>
        divisionCatalogEntries(ctx, division.id, args, info),
      distributionStats: (division, _, ctx) => ctx.loaders.distributionStats.load(division.id),
    },
  };
}
