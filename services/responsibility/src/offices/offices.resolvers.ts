import { paginate, wantsCount } from '@heli/subgraph-runtime';
import type { ResponsibilityResolvers } from '../context.js';
import { IN_ORDER_OF_CREATION } from '../organisation/lists.js';
import { writeOrganisation } from '../organisation/organisation-write.js';
import { requireOrganisationMaintainer } from '../organisation/require-access.js';
import { createOffice, updateOffice } from './offices.commands.js';

export const officesResolvers: ResponsibilityResolvers = {
  Query: {
    offices: (_, args, ctx, info) =>
      paginate(
        ctx.models.offices,
        args.kind ? { kind: args.kind } : {},
        { ...args, sort: IN_ORDER_OF_CREATION },
        info,
      ),
    office: (_, { id }, ctx) => ctx.loaders.office.load(id),
  },

  Mutation: {
    createOffice: (_, { input }, ctx) => {
      requireOrganisationMaintainer(ctx.viewer);
      return writeOrganisation(ctx, (write) => createOffice(write, input));
    },
    updateOffice: async (_, { input: { id, ...patch } }, ctx) => {
      requireOrganisationMaintainer(ctx.viewer);
      const office = await writeOrganisation(ctx, (write) => updateOffice(write, id, patch));
      ctx.loaders.office.clear(id).prime(id, office);
      return office;
    },
  },

  Office: {
    __resolveReference: ({ id }, ctx) => ctx.loaders.office.load(id),
    id: (office) => office._id,
    parent: (office, _, ctx) =>
      office.parentId === null ? null : ctx.loaders.office.load(office.parentId),
    divisions: (office, args, ctx, info) =>
      ctx.loaders
        .officeDivisionPages(args.kind ? { kind: args.kind } : {}, IN_ORDER_OF_CREATION)
        .load({
          key: office._id,
          first: args.first,
          after: args.after,
          countTotal: wantsCount(info),
        }),
  },
};
