import type { Role } from '@heli/auth';
import { paginate } from '@heli/subgraph-runtime';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import { IN_ORDER_OF_CREATION, type PageArgs } from '../organisation/lists.js';
import { writeOrganisation } from '../organisation/organisation-write.js';
import { requireOrganisationMaintainer } from '../organisation/require-access.js';
import { staffListQuery } from '../staff/staff.filter.js';
import { createDivision, updateDivision, type CreateDivisionInput } from './divisions.commands.js';
import type { DivisionRecord } from './divisions.model.js';
import type { DivisionKind, DivisionPatch } from './divisions.rules.js';

export const divisionsResolvers: ResponsibilityResolvers = {
  Query: {
    divisions: (
      _: unknown,
      args: PageArgs & { officeId?: string | null; kind?: DivisionKind | null },
      ctx: ResponsibilityContext,
    ) =>
      paginate(
        ctx.models.divisions,
        {
          ...(args.officeId ? { officeId: args.officeId } : {}),
          ...(args.kind ? { kind: args.kind } : {}),
        },
        { ...args, sort: IN_ORDER_OF_CREATION },
      ),
    division: (_: unknown, { id }: { id: string }, ctx: ResponsibilityContext) =>
      ctx.loaders.division.load(id),
  },

  Mutation: {
    createDivision: (
      _: unknown,
      { input }: { input: CreateDivisionInput },
      ctx: ResponsibilityContext,
    ) => {
      requireOrganisationMaintainer(ctx.viewer);
      return writeOrganisation(ctx, (write) => createDivision(write, input));
    },
    updateDivision: async (
      _: unknown,
      { input: { id, ...patch } }: { input: DivisionPatch & { id: string } },
      ctx: ResponsibilityContext,
    ) => {
      requireOrganisationMaintainer(ctx.viewer);
      const division = await writeOrganisation(ctx, (write) => updateDivision(write, id, patch));
      ctx.loaders.division.clear(id).prime(id, division);
      return division;
    },
  },

  Division: {
    __resolveReference: ({ id }: { id: string }, ctx: ResponsibilityContext) =>
      ctx.loaders.division.load(id),
    id: (division: DivisionRecord) => division._id,
    office: (division: DivisionRecord, _: unknown, ctx: ResponsibilityContext) =>
      ctx.loaders.office.load(division.officeId),
    head: (division: DivisionRecord, _: unknown, ctx: ResponsibilityContext) =>
      division.headId === null ? null : ctx.loaders.staff.load(division.headId),
    staff: (
      division: DivisionRecord,
      args: PageArgs & { role?: Role | null; active?: boolean | null },
      ctx: ResponsibilityContext,
    ) =>
      paginate(
        ctx.models.staff,
        staffListQuery({ divisionId: division._id, role: args.role, active: args.active }),
        { ...args, sort: IN_ORDER_OF_CREATION },
      ),
  },
};
