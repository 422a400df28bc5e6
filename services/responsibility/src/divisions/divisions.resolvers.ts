import { paginate, wantsCount } from '@heli/subgraph-runtime';
import type { ResponsibilityResolvers } from '../context.js';
import { IN_ORDER_OF_CREATION } from '../organisation/lists.js';
import { writeOrganisation } from '../organisation/organisation-write.js';
import { requireOrganisationMaintainer } from '../organisation/require-access.js';
import { loadReferenced } from '../records/referenced.js';
import { staffListQuery } from '../staff/staff.filter.js';
import { createDivision, updateDivision } from './divisions.commands.js';

export const divisionsResolvers: ResponsibilityResolvers = {
  Query: {
    divisions: (_, args, ctx, info) =>
      paginate(
        ctx.models.divisions,
        {
          ...(args.officeId ? { officeId: args.officeId } : {}),
          ...(args.kind ? { kind: args.kind } : {}),
        },
        { ...args, sort: IN_ORDER_OF_CREATION },
        info,
      ),
    division: (_, { id }, ctx) => ctx.loaders.division.load(id),
  },

  Mutation: {
    createDivision: (_, { input }, ctx) => {
      requireOrganisationMaintainer(ctx.viewer);
      return writeOrganisation(ctx, (write) => createDivision(write, input));
    },
    updateDivision: async (_, { input: { id, ...patch } }, ctx) => {
      requireOrganisationMaintainer(ctx.viewer);
      const division = await writeOrganisation(ctx, (write) => updateDivision(write, id, patch));
      ctx.loaders.division.clear(id).prime(id, division);
      return division;
    },
  },

  Division: {
    __resolveReference: ({ id }, ctx) => ctx.loaders.division.load(id),
    id: (division) => division._id,
    office: (division, _, ctx) => loadReferenced(ctx.loaders.office, division.officeId),
    head: (division, _, ctx) =>
      division.headId === null ? null : ctx.loaders.staff.load(division.headId),
    staff: (division, args, ctx, info) =>
      ctx.loaders
        .divisionStaffPages(
          staffListQuery({ role: args.role, active: args.active }),
          IN_ORDER_OF_CREATION,
        )
        .load({
          key: division._id,
          first: args.first,
          after: args.after,
          countTotal: wantsCount(info),
        }),
  },
};
