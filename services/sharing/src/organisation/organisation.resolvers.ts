import { forbidden } from '@heli/subgraph-runtime';
import { divisionCatalogEntries } from '../catalog/catalog.resolvers.js';
import type { SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { readingInbox } from '../distribution/reading-inbox.js';
import { distributionStats } from './distribution-stats.js';

export function organisationResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Staff: {
      __resolveReference: ({ id }) => ({ id }),
      readingInbox: (staff, args, ctx, info) => {
        if (staff.id !== ctx.viewer.sub) throw forbidden('只能查看本人的阅件');
        return readingInbox(ctx, ctx.viewer, args, clock.now(), info);
      },
    },

    Division: {
      __resolveReference: ({ id }) => ({ id }),
      catalogEntries: (division, args, ctx, info) =>
        divisionCatalogEntries(ctx, division.id, args, info),
      distributionStats: (division, _, ctx) =>
        distributionStats(ctx.models, ctx.viewer, division.id, clock.now()),
    },
  };
}
