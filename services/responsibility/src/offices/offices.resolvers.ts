import { paginate } from '@heli/subgraph-runtime';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import type { DivisionKind } from '../divisions/divisions.rules.js';
import { IN_ORDER_OF_CREATION, type PageArgs } from '../organisation/lists.js';
import { writeOrganisation } from '../organisation/organisation-write.js';
import { requireOrganisationMaintainer } from '../organisation/require-access.js';
import { createOffice, updateOffice, type CreateOfficeInput } from './offices.commands.js';
import type { OfficeRecord } from './offices.model.js';
import type { OfficeKind, OfficePatch } from './offices.rules.js';

export const officesResolvers: ResponsibilityResolvers = {
  Query: {
    offices: (
      _: unknown,
      args: PageArgs & { kind?: OfficeKind | null },
      ctx: ResponsibilityContext,
    ) =>
      paginate(ctx.models.offices, args.kind ? { kind: args.kind } : {}, {
        ...args,
        sort: IN_ORDER_OF_CREATION,
      }),
    office: (_: unknown, { id }: { id: string }, ctx: ResponsibilityContext) =>
      ctx.loaders.office.load(id),
  },

  Mutation: {
    createOffice: (
      _: unknown,
      { input }: { input: CreateOfficeInput },
      ctx: ResponsibilityContext,
    ) => {
      requireOrganisationMaintainer(ctx.viewer);
      return writeOrganisation(ctx, (write) => createOffice(write, input));
    },
    updateOffice: async (
      _: unknown,
      { input: { id, ...patch } }: { input: OfficePatch & { id: string } },
      ctx: ResponsibilityContext,
    ) => {
      requireOrganisationMaintainer(ctx.viewer);
      const office = await writeOrganisation(ctx, (write) => updateOffice(write, id, patch));
      ctx.loaders.office.clear(id).prime(id, office);
      return office;
    },
  },

  Office: {
    __resolveReference: ({ id }: { id: string }, ctx: ResponsibilityContext) =>
      ctx.loaders.office.load(id),
    id: (office: OfficeRecord) => office._id,
    parent: (office: OfficeRecord, _: unknown, ctx: ResponsibilityContext) =>
      office.parentId === null ? null : ctx.loaders.office.load(office.parentId),
    divisions: (
      office: OfficeRecord,
      args: PageArgs & { kind?: DivisionKind | null },
      ctx: ResponsibilityContext,
    ) =>
      paginate(
        ctx.models.divisions,
        { officeId: office._id, ...(args.kind ? { kind: args.kind } : {}) },
        { ...args, sort: IN_ORDER_OF_CREATION },
      ),
  },
};
