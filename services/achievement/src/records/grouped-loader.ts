import DataLoader from 'dataloader';
import type { FilterQuery, Model, SortOrder } from 'mongoose';

/**
 * A per-request DataLoader for "the records whose `field` is (or contains) this key": all keys
 * asked for in one tick become one `find({ field: { $in: keys } })`, narrowed by `filter` (what
 * the viewer may see) and in `sort` order within each key.
 */
export function groupedLoader<TDoc>(
  model: Model<TDoc>,
  field: string,
  keyOf: (doc: TDoc) => readonly string[],
  {
    filter = {},
    sort = { _id: 1 },
  }: { filter?: FilterQuery<TDoc>; sort?: Record<string, SortOrder> } = {},
): DataLoader<string, TDoc[]> {
  return new DataLoader<string, TDoc[]>(async (keys) => {
    const docs = (await model
      .find({ $and: [filter, { [field]: { $in: keys } }] } as FilterQuery<TDoc>)
      .sort(sort)
      .lean()) as TDoc[];
    const groups = new Map<string, TDoc[]>(keys.map((key) => [key, []]));
    for (const doc of docs) for (const key of keyOf(doc)) groups.get(key)?.push(doc);
    return keys.map((key) => groups.get(key)!);
  });
}

/** A per-request DataLoader by `_id` that only finds what `filter` lets through (null otherwise). */
export function filteredByIdLoader<TDoc>(
  model: Model<TDoc>,
  filter: FilterQuery<TDoc>,
): DataLoader<string, TDoc | null> {
  return new DataLoader<string, TDoc | null>(async (ids) => {
    const docs = (await model
      .find({ $and: [filter, { _id: { $in: ids } }] } as FilterQuery<TDoc>)
      .lean()) as (TDoc & { _id: string })[];
    const byId = new Map(docs.map((doc) => [doc._id, doc]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
