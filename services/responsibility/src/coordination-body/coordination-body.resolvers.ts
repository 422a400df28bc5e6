import type { ResponsibilityResolvers } from '../context.js';
import { writeOrganisation } from '../organisation/organisation-write.js';
import { requireCoordinationBodyMaintainer } from '../organisation/require-access.js';
import { loadAllReferenced, loadReferenced } from '../records/referenced.js';
import { setCoordinationBody } from './coordination-body.commands.js';
import { COORDINATION_BODY_ID } from './coordination-body.rules.js';

export const coordinationBodyResolvers: ResponsibilityResolvers = {
  Query: {
    coordinationBody: (_, __, ctx) =>
      // exec(): Apollo's instrumentation and graphql-js would each call a bare query's then().
      ctx.models.coordinationBodies.findById(COORDINATION_BODY_ID).lean().exec(),
  },

  Mutation: {
    setCoordinationBody: (_, { input }, ctx) => {
      requireCoordinationBodyMaintainer(ctx.viewer);
      return writeOrganisation(ctx, (write) => setCoordinationBody(write, input));
    },
  },

  CoordinationBody: {
    id: (body) => body._id,
    office: (body, _, ctx) => loadReferenced(ctx.loaders.office, body.officeId),
    lead: (body, _, ctx) => loadReferenced(ctx.loaders.staff, body.leadId),
    members: (body, _, ctx) => loadAllReferenced(ctx.loaders.staff, body.memberIds),
  },
};
