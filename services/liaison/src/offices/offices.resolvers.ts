import type { LiaisonResolvers } from '../context.js';
import { listDocuments } from '../documents/document-queries.js';
import { listOfficeAssignments } from '../matters/matter-queries.js';
import { linkTo, type LiaisonSettings } from '../settings.js';

const EMPTY_PAGE = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: 0,
};

/**
 * `Office.outgoing` / `Office.incoming`: for the own office everything it sent or received, for
 * a linked office what went to it or came from it, for any other office nothing.
 */
export function officesResolvers(settings: LiaisonSettings): LiaisonResolvers {
  const officeFilter = (id: string): { officeId: string | null } | null => {
    if (id === settings.office.id) return { officeId: null };
    return linkTo(settings, id) ? { officeId: id } : null;
  };
  return {
    Office: {
      __resolveReference: (reference) => ({ id: reference.id }),
      outgoing: (office, args, ctx, info) => {
        const filter = officeFilter(office.id);
        return filter === null
          ? EMPTY_PAGE
          : listDocuments(
              ctx.models,
              settings,
              ctx.viewer,
              {
                box: 'OUTGOING',
                ...args,
                ...filter,
              },
              info,
            );
      },
      incoming: (office, args, ctx, info) => {
        const filter = officeFilter(office.id);
        return filter === null
          ? EMPTY_PAGE
          : listDocuments(
              ctx.models,
              settings,
              ctx.viewer,
              {
                box: 'INCOMING',
                ...args,
                ...filter,
              },
              info,
            );
      },
      liaisonLink: (office) => linkTo(settings, office.id) ?? null,
      assignedMatters: (office, args, ctx) => {
        const link = linkTo(settings, office.id);
        if (link === undefined || link.relation === 'PARTNER') return [];
        return listOfficeAssignments(ctx.models, settings, ctx.viewer, {
          ...args,
          side: link.relation === 'LOWER' ? 'ASSIGNED_DOWN' : 'RECEIVED_FROM_HIGHER',
          officeId: office.id,
        });
      },
    },
  };
}
