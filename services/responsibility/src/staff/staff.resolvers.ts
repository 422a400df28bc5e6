import { paginate } from '@heli/subgraph-runtime';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import { IN_ORDER_OF_CREATION, type PageArgs } from '../organisation/lists.js';
import { writeOrganisation } from '../organisation/organisation-write.js';
import { requireOrganisationMaintainer } from '../organisation/require-access.js';
import { createStaff, updateStaff, type CreateStaffInput } from './staff.commands.js';
import { staffListQuery, type StaffListFilter } from './staff.filter.js';
import type { StaffRecord } from './staff.model.js';
import type { StaffPatch } from './staff.rules.js';

export const staffResolvers: ResponsibilityResolvers = {
  Query: {
    staffMembers: (_: unknown, args: PageArgs & StaffListFilter, ctx: ResponsibilityContext) =>
      paginate(ctx.models.staff, staffListQuery(args), { ...args, sort: IN_ORDER_OF_CREATION }),
    staffMember: (_: unknown, { id }: { id: string }, ctx: ResponsibilityContext) =>
      ctx.loaders.staff.load(id),
  },

  Mutation: {
    createStaff: (
      _: unknown,
      { input }: { input: CreateStaffInput },
      ctx: ResponsibilityContext,
    ) => {
      requireOrganisationMaintainer(ctx.viewer);
      return writeOrganisation(ctx, (write) => createStaff(write, input));
    },
    updateStaff: async (
      _: unknown,
      { input: { id, ...patch } }: { input: StaffPatch & { id: string } },
      ctx: ResponsibilityContext,
    ) => {
      requireOrganisationMaintainer(ctx.viewer);
      const staff = await writeOrganisation(ctx, (write) => updateStaff(write, id, patch));
      ctx.loaders.staff.clear(id).prime(id, staff);
      return staff;
    },
  },

  Staff: {
    __resolveReference: ({ id }: { id: string }, ctx: ResponsibilityContext) =>
      ctx.loaders.staff.load(id),
    id: (staff: StaffRecord) => staff._id,
    office: (staff: StaffRecord, _: unknown, ctx: ResponsibilityContext) =>
      ctx.loaders.office.load(staff.officeId),
    division: (staff: StaffRecord, _: unknown, ctx: ResponsibilityContext) =>
      staff.divisionId === null ? null : ctx.loaders.division.load(staff.divisionId),
  },
};
