import { forbidden, paginate } from '@heli/subgraph-runtime';
import { writeMatters } from '../assignments/matter-write.js';
import { COORDINATION_BODY_ID } from '../coordination-body/coordination-body.rules.js';
import type { CoordinationBodyRecord } from '../coordination-body/coordination-body.model.js';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import { loadReferenced } from '../records/referenced.js';
import type { ServiceOptions } from '../service-options.js';
import { defineDuty, updateDuty } from './duties.commands.js';
import { canMaintainDuties, canSeeAllDuties } from './duties.rules.js';
import type { DutyRecord } from './duty.model.js';

// One lookup of the coordination body per request, however many divisions the query asks about.
const readableByRequest = new WeakMap<ResponsibilityContext, Promise<'ALL' | string[]>>();

/** The divisions whose duties the viewer may read: all of them, or only their own (or none). */
function readableDivisions(ctx: ResponsibilityContext): Promise<'ALL' | string[]> {
  let readable = readableByRequest.get(ctx);
  if (readable === undefined) {
    readable = lookUpReadableDivisions(ctx);
    readableByRequest.set(ctx, readable);
  }
  return readable;
}

async function lookUpReadableDivisions(ctx: ResponsibilityContext): Promise<'ALL' | string[]> {
  const body = await ctx.models.coordinationBodies
    .findById(COORDINATION_BODY_ID, { leadId: 1, memberIds: 1 })
    .lean<Pick<CoordinationBodyRecord, 'leadId' | 'memberIds'>>();
  const people = body ? [body.leadId, ...body.memberIds] : [];
  if (canSeeAllDuties(ctx.viewer, people)) return 'ALL';
  return ctx.viewer.divisionId === null ? [] : [ctx.viewer.divisionId];
}

export function dutiesResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  const actorOf = (ctx: ResponsibilityContext) => ({ staffId: ctx.viewer.sub, at: clock.now() });

  return {
    Query: {
      duties: async (_, args, ctx, info) => {
        const readable = await readableDivisions(ctx);
        return paginate(
          ctx.models.duties,
          {
            $and: [
              readable === 'ALL' ? {} : { divisionId: { $in: readable } },
              args.divisionId ? { divisionId: args.divisionId } : {},
              args.role ? { role: args.role } : {},
            ],
          },
          { first: args.first, after: args.after, sort: { field: 'createdAt' } },
          info,
        );
      },
    },

    Mutation: {
      defineDuty: (_, { input }, ctx) => {
        if (!canMaintainDuties(ctx.viewer, input.divisionId)) {
          throw forbidden('只有本处室负责人、厅领导或系统管理员可以维护处室职责');
        }
        return writeMatters(ctx, (write) => defineDuty(write, input, actorOf(ctx)));
      },
      updateDuty: async (_, { input: { id, ...patch } }, ctx) => {
        const duty = await ctx.models.duties
          .findById(id, { divisionId: 1 })
          .lean<Pick<DutyRecord, 'divisionId'>>();
        if (duty && !canMaintainDuties(ctx.viewer, duty.divisionId)) {
          throw forbidden('只有本处室负责人、厅领导或系统管理员可以维护处室职责');
        }
        return writeMatters(ctx, (write) => updateDuty(write, id, patch, actorOf(ctx)));
      },
    },

    Duty: {
      id: (duty) => duty._id,
      division: (duty, _, ctx) => loadReferenced(ctx.loaders.division, duty.divisionId),
    },

    Division: {
      duties: async (division, _, ctx) => {
        const readable = await readableDivisions(ctx);
        if (readable !== 'ALL' && !readable.includes(division._id)) return [];
        return ctx.loaders.duties.load(division._id);
      },
    },
  };
}
