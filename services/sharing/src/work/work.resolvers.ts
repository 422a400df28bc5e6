import {
  dateTimeScalar,
  forbidden,
  MAX_PAGE_SIZE,
  rejectProblems,
  wantsCount,
} from '@heli/subgraph-runtime';
import { readableClassifications } from '../access/visibility.rules.js';
import type { CirculationRecord } from '../circulation/circulation.model.js';
import { currentHop } from '../circulation/circulation.rules.js';
import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import type { ReadingRequestRecord } from '../distribution/distribution.model.js';
import { circulationActions, urgencyOf, type WorkRef } from './work.rules.js';

function requireOwnWork(ctx: SharingContext, work: WorkRef): void {
  if (work.staffId !== ctx.viewer.sub) throw forbidden('只能查看本人的工作');
}

function listSize(first: number | null | undefined): number {
  const size = first ?? 20;
  rejectProblems([
    size >= 0 && size <= MAX_PAGE_SIZE ? null : `first 须在 0 到 ${MAX_PAGE_SIZE} 之间`,
  ]);
  return size;
}

/**
 * 我的工作 as sharing sees it: what waits for the person to read. Both lists are filtered by the
 * person's clearance before they are counted, like the reading inbox.
 */
export function workResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    DateTime: dateTimeScalar,

    Work: {
      __resolveReference: ({ staffId }, ctx) => (staffId === ctx.viewer.sub ? { staffId } : null),

      readings: async (work, { first }, ctx, info) => {
        requireOwnWork(ctx, work);
        const limit = listSize(first);
        const addressed: Record<string, unknown>[] = [{ recipientStaffId: ctx.viewer.sub }];
        if (ctx.viewer.divisionId !== null) {
          addressed.push({ recipientDivisionId: ctx.viewer.divisionId });
        }
        // A division reading every member must read stays open until all have; mine is done
        // once I have read it.
        const query = {
          $or: addressed,
          acknowledgedAt: null,
          'receipts.staffId': { $ne: ctx.viewer.sub },
          classification: { $in: readableClassifications(ctx.viewer.clearance) },
        };
        const [readings, totalCount] = await Promise.all([
          ctx.models.readingRequests
            .find(query)
            .sort({ dueAt: 1, _id: 1 })
            .limit(limit)
            .lean<ReadingRequestRecord[]>(),
          // Counted only when asked for: a second command the list does not otherwise need.
          wantsCount(info) ? ctx.models.readingRequests.countDocuments(query) : undefined,
        ]);
        const now = clock.now();
        return {
          totalCount,
          items: readings.map((reading) => ({
            reading,
            urgency: urgencyOf(reading.dueAt, now),
            dueAt: reading.dueAt,
            actions: ['ACKNOWLEDGE' as const],
          })),
        };
      },

      circulations: async (work, { first }, ctx) => {
        requireOwnWork(ctx, work);
        const limit = listSize(first);
        const query = {
          holderStaffId: ctx.viewer.sub,
          status: 'IN_PROGRESS',
          classification: { $in: readableClassifications(ctx.viewer.clearance) },
        };
        const held = await ctx.models.circulations.find(query).lean<CirculationRecord[]>();
        const now = clock.now();
        // The due time lives in the current hop, so the (short) list is ordered here.
        const items = held
          .flatMap((circulation) => {
            const hop = currentHop(circulation);
            return hop === null
              ? []
              : [
                  {
                    circulation,
                    urgency: urgencyOf(hop.dueAt, now),
                    dueAt: hop.dueAt,
                    actions: circulationActions(circulation),
                  },
                ];
          })
          .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
        return { totalCount: items.length, items: items.slice(0, limit) };
      },
    },
  };
}
