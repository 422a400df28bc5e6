import type { LiaisonResolvers } from '../context.js';
import type { LiaisonSettings } from '../settings.js';
import type { LiaisonRelay } from '../transport/relay.js';
import { listOfficeAssignments } from './matter-queries.js';
import { acceptOfficeAssignment, assignMatterToOffice } from './matters.commands.js';
import { escalationOf, progressOf } from './matters.rules.js';

export function mattersResolvers(
  settings: LiaisonSettings,
  relay: { current: LiaisonRelay | null },
): LiaisonResolvers {
  return {
    Query: {
      officeAssignments: (_, args, ctx) =>
        listOfficeAssignments(ctx.models, settings, ctx.viewer, args),
    },
    Mutation: {
      assignMatterToOffice: async (_, { input }, ctx) => {
        const assigned = await assignMatterToOffice(ctx, settings, input);
        relay.current?.wake();
        return assigned;
      },
      acceptOfficeAssignment: async (_, { input }, ctx) => {
        const accepted = await acceptOfficeAssignment(ctx, settings, input);
        relay.current?.wake();
        return accepted;
      },
    },
    OfficeAssignment: {
      id: (matter) => matter._id,
      office: (matter) => ({ id: matter.officeId }),
      progress: (matter) => progressOf(matter.status, matter.updates),
      escalation: (matter) => escalationOf(matter.updates),
      assignment: (matter) =>
        matter.localAssignmentId === null ? null : { id: matter.localAssignmentId },
    },
    Assignment: {
      __resolveReference: (reference) => ({ id: reference.id }),
      assignedByOffice: async (assignment, _, ctx) => {
        const matter = await ctx.models.officeAssignments
          .findOne({ side: 'RECEIVED_FROM_HIGHER', localAssignmentId: assignment.id })
          .lean();
        return matter === null ? null : { id: matter.officeId };
      },
    },
  };
}
