import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import { writeOrganisation } from '../organisation/organisation-write.js';
import { requireCoordinationBodyMaintainer } from '../organisation/require-access.js';
import { setCoordinationBody } from './coordination-body.commands.js';
import type { CoordinationBodyRecord } from './coordination-body.model.js';
import { COORDINATION_BODY_ID, type CoordinationBodyFields } from './coordination-body.rules.js';

export const coordinationBodyResolvers: ResponsibilityResolvers = {
  Query: {
    coordinationBody: (_: unknown, __: unknown, ctx: ResponsibilityContext) =>
      // exec(): Apollo's instrumentation and graphql-js would each call a bare query's then().
      ctx.models.coordinationBodies.findById(COORDINATION_BODY_ID).lean().exec(),
  },

  Mutation: {
    setCoordinationBody: (
      _: unknown,
      { input }: { input: CoordinationBodyFields },
      ctx: ResponsibilityContext,
    ) => {
      requireCoordinationBodyMaintainer(ctx.viewer);
      return writeOrganisation(ctx, (write) => setCoordinationBody(write, input));
    },
  },

  CoordinationBody: {
    id: (body: CoordinationBodyRecord) => body._id,
    office: (body: CoordinationBodyRecord, _: unknown, ctx: ResponsibilityContext) =>
      ctx.loaders.office.load(body.officeId),
    lead: (body: CoordinationBodyRecord, _: unknown, ctx: ResponsibilityContext) =>
      ctx.loaders.staff.load(body.leadId),
    members: async (body: CoordinationBodyRecord, _: unknown, ctx: ResponsibilityContext) => {
      const members = await ctx.loaders.staff.loadMany(body.memberIds);
      // Staff are deactivated, never deleted, so every member id resolves; errors propagate.
      return members.map((member) => {
        if (member instanceof Error) throw member;
        return member;
      });
    },
  },
};
