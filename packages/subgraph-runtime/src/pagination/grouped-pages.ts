import DataLoader from 'dataloader';
import type { FilterQuery, Model } from 'mongoose';
import {
  pageOrder,
  pageSize,
  paginate,
  toConnection,
  type ConnectionPage,
  type LeanNode,
  type PageRequest,
} from './paginate.js';

/** A first page of the documents whose `groupField` is `key`. */
export interface GroupedPageKey {
  key: string;
  first?: number | null;
  after?: string | null;
  /** Whether to count the group's documents (`totalCount` was asked for). */
  countTotal: boolean;
}

/**
 * A per-request loader of one page per parent — a division's catalogue entries, say — for lists
 * that show many parents at once. The first pages asked for in one tick become one aggregation
 * (`$match` on every parent, `$sort`, then `$group` keeping the first `size + 1` of each, with
 * the count when it was asked for), so ten divisions cost one database command, not twenty.
 * A page after a cursor starts at a different place per parent; it is fetched on its own.
 *
 * `filter` applies to every page (the viewer's visibility, for one); `sort` is as `paginate`'s.
 */
export function groupedPageLoader<TDoc>(
  model: Model<TDoc>,
  groupField: string,
  filter: FilterQuery<TDoc>,
  sort?: PageRequest['sort'],
): DataLoader<GroupedPageKey, ConnectionPage<LeanNode<TDoc>>, string> {
  const { field, order } = pageOrder(sort);
  // mongoose casts `find` filters by the schema but passes a pipeline through as written.
  const castFilter = (extra: object): FilterQuery<TDoc> =>
    model.find({ $and: [filter, extra] } as FilterQuery<TDoc>).cast();

  async function firstPages(keys: readonly GroupedPageKey[], size: number, countTotal: boolean) {
    const groups = await model.aggregate<{ _id: string; docs: LeanNode<TDoc>[]; total: number }>([
      { $match: castFilter({ [groupField]: { $in: [...new Set(keys.map((k) => k.key))] } }) },
      { $sort: order },
      {
        $group: {
          _id: `$${groupField}`,
          docs: { $firstN: { input: '$$ROOT', n: size + 1 } },
          ...(countTotal ? { total: { $sum: 1 } } : {}),
        },
      },
    ]);
    const byKey = new Map(groups.map((group) => [String(group._id), group]));
    return keys.map((k) => {
      const group = byKey.get(k.key);
      return toConnection(group?.docs ?? [], {
        size,
        field,
        afterCursor: false,
        totalCount: countTotal ? (group?.total ?? 0) : undefined,
      });
    });
  }

  return new DataLoader(
    async (keys) => {
      const results = new Array<ConnectionPage<LeanNode<TDoc>> | Error>(keys.length);
      // One aggregation per page size and counting choice among the first pages.
      const batches = new Map<string, number[]>();
      const later: number[] = [];
      keys.forEach((k, i) => {
        if (k.after) {
          later.push(i);
          return;
        }
        const batch = `${pageSize(k.first)}|${k.countTotal}`;
        batches.set(batch, [...(batches.get(batch) ?? []), i]);
      });
      await Promise.all([
        ...[...batches.values()].map(async (indexes) => {
          const { first, countTotal } = keys[indexes[0]!]!;
          const pages = await firstPages(
            indexes.map((i) => keys[i]!),
            pageSize(first),
            countTotal,
          );
          indexes.forEach((i, n) => (results[i] = pages[n]!));
        }),
        ...later.map(async (i) => {
          const k = keys[i]!;
          results[i] = await paginate(
            model,
            { $and: [filter, { [groupField]: k.key }] } as FilterQuery<TDoc>,
            { first: k.first, after: k.after, sort },
            { countTotal: k.countTotal },
          );
        }),
      ]);
      return results;
    },
    { cacheKeyFn: (k) => JSON.stringify([k.key, k.first ?? null, k.after ?? null, k.countTotal]) },
  );
}
