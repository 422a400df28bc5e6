import { paginate } from '@heli/subgraph-runtime';
import type { ResponsibilityResolvers } from '../context.js';
import { IN_ORDER_OF_CREATION } from '../organisation/lists.js';
import { writeOrganisation } from '../organisation/organisation-write.js';
import { requireOrganisationMaintainer } from '../organisation/require-access.js';
import { loadReferenced } from '../records/referenced.js';
import { createStaff, updateStaff } from './staff.commands.js';
import { staffListQuery } from './staff.filter.js';
import { canSeeClearance } from './staff.rules.js';

export const staffResolvers: ResponsibilityResolvers = {
  Query: {
    staffMembers: (_, args, ctx, info) =>
      paginate(
        ctx.models.staff,
        staffListQuery(args),
        { ...args, sort: IN_ORDER_OF_CREATION },
        info,
      ),
    staffMember: (_, { id }, ctx) => ctx.loaders.staff.load(id),
  },

  Mutation: {
    createStaff: (_, { input }, ctx) => {
      requireOrganisationMaintainer(ctx.viewer);
      return writeOrganisation(ctx, (write) => createStaff(write, input));
    },
    updateStaff: async (_, { input: { id, ...patch } }, ctx) => {
      requireOrganisationMaintainer(ctx.viewer);
      const staff = await writeOrganisation(ctx, (write) =>
        updateStaff(write, id, patch, ctx.viewer.sub),
      );
      ctx.loaders.staff.clear(id).prime(id, staff);
      return staff;
    },
  },

  Staff: {
    __resolveReference: ({ id }, ctx) => ctx.loaders.staff.load(id),
    id: (staff) => staff._id,
    office: (staff, _, ctx) => loadReferenced(ctx.loaders.office, staff.officeId),
    clearance: (staff, _, ctx) => (canSeeClearance(ctx.viewer, staff._id) ? staff.clearance : null),
    division: (staff, _, ctx) =>
      staff.divisionId === null ? null : ctx.loaders.division.load(staff.divisionId),
  },
};
