import DataLoader from 'dataloader';
import { mongo, type FilterQuery, type Model } from 'mongoose';
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

/** The field naming a document's parent, or several: a document is listed under each value of each. */
export type GroupFields = string | readonly string[];

/** The stored field that holds, per document of a multi-field group, the parent it is listed under. */
const GROUP = '__heliGroup';

/**
 * A per-request loader of one page per parent — a division's catalogue entries, say — for lists
 * that show many parents at once. The first pages asked for in one tick become one aggregation
 * (`$match` on every parent, `$sort`, then `$group` keeping the first `size + 1` of each, with
 * the count when it was asked for), so ten divisions cost one database command, not twenty.
 * A page after a cursor starts at a different place per parent; it is fetched on its own.
 *
 * `filter` applies to every page (the viewer's visibility, for one); `sort` is as `paginate`'s.
 * `groupFields` may name several fields (a matter is listed under its lead division and each
 * co-organising one); each may hold one value or an array of them.
 */
export function groupedPageLoader<TDoc>(
  model: Model<TDoc>,
  groupFields: GroupFields,
  filter: FilterQuery<TDoc>,
  sort?: PageRequest['sort'],
): DataLoader<GroupedPageKey, ConnectionPage<LeanNode<TDoc>>, string> {
  const { field, order } = pageOrder(sort);
  const fields = typeof groupFields === 'string' ? [groupFields] : [...groupFields];
  // mongoose casts `find` filters by the schema but passes a pipeline through as written.
  const castFilter = (extra: object): FilterQuery<TDoc> =>
    model.find({ $and: [filter, extra] } as FilterQuery<TDoc>).cast();
  const unwound =
    fields.length > 1 || fields.some((f) => model.schema.path(f)?.instance === 'Array');
  const underAny = (value: unknown) =>
    fields.length === 1 ? { [fields[0]!]: value } : { $or: fields.map((f) => ({ [f]: value })) };

  async function firstPages(keys: readonly GroupedPageKey[], size: number, countTotal: boolean) {
    const parents = [...new Set(keys.map((k) => k.key))];
    // A single scalar field groups as it is; several, or an array, are unwound into one value
    // per parent first.
    const byParent = !unwound
      ? []
      : [
          {
            $addFields: {
              [GROUP]: {
                $setUnion: fields.map((f) => ({
                  $cond: [{ $isArray: `$${f}` }, `$${f}`, [`$${f}`]],
                })),
              },
            },
          },
          { $unwind: `$${GROUP}` },
          // Cast as the first field is (ObjectId parents, say): a pipeline is passed as written.
          {
            $match: {
              [GROUP]: (
                model
                  .find({ [fields[0]!]: { $in: parents } } as FilterQuery<TDoc>)
                  .cast() as Record<string, unknown>
              )[fields[0]!],
            },
          },
        ];
    const groups = await model.aggregate<{ _id: string; docs: LeanNode<TDoc>[]; total: number }>([
      { $match: castFilter(underAny({ $in: parents })) },
      ...byParent,
      { $sort: order },
      {
        $group: {
          _id: unwound ? `$${GROUP}` : `$${fields[0]}`,
          docs: { $firstN: { input: '$$ROOT', n: size + 1 } },
          ...(countTotal ? { total: { $sum: 1 } } : {}),
        },
      },
    ]);
    const byKey = new Map(groups.map((group) => [String(group._id), group]));
    return keys.map((k) => {
      const group = byKey.get(k.key);
      const docs = group?.docs ?? [];
      if (unwound) for (const doc of docs) delete (doc as Record<string, unknown>)[GROUP];
      return toConnection(docs, {
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
            { $and: [filter, underAny(k.key)] } as FilterQuery<TDoc>,
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

/**
 * Grouped page loaders of one model and group field(s) for one request, one per distinct filter
 * and sort: a nested list whose filter depends on its arguments (`Division.staff(role: …)`) still
 * costs one command for every parent of a page, since the parents of one list share arguments.
 */
export function groupedPageLoaders<TDoc>(model: Model<TDoc>, groupFields: GroupFields) {
  const loaders = new Map<string, ReturnType<typeof groupedPageLoader<TDoc>>>();
  return (filter: FilterQuery<TDoc>, sort?: PageRequest['sort']) => {
    // Extended JSON keeps what plain JSON would lose (a RegExp, the type of an id or a date).
    const key = mongo.BSON.EJSON.stringify({ filter, sort: sort ?? null }, { relaxed: false });
    let loader = loaders.get(key);
    if (!loader) {
      loader = groupedPageLoader(model, groupFields, filter, sort);
      loaders.set(key, loader);
    }
    return loader;
  };
}
