import DataLoader from 'dataloader';
import type { FilterQuery, Model, SortOrder } from 'mongoose';

/**
 * A per-request DataLoader for "the records whose `field` is this key" (a matter's reminders, its
 * sub-matters): all keys asked for in one tick become one `find({ field: { $in: keys } })`,
 * narrowed by `filter` (e.g. what the viewer may see) and in `sort` order within each key.
 */
export function groupedLoader<TDoc, TKey extends string = string>(
  model: Model<TDoc>,
  field: keyof TDoc & string,
  {
    filter = {},
    sort = { _id: 1 },
  }: { filter?: FilterQuery<TDoc>; sort?: Record<string, SortOrder> } = {},
): DataLoader<TKey, TDoc[]> {
  return new DataLoader<TKey, TDoc[]>(async (keys) => {
    const docs = (await model
      .find({ $and: [filter, { [field]: { $in: keys } }] } as FilterQuery<TDoc>)
      .sort(sort)
      .lean()) as TDoc[];
    const groups = new Map<string, TDoc[]>(keys.map((key) => [key, []]));
    for (const doc of docs) groups.get(String(doc[field]))?.push(doc);
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
