import DataLoader from 'dataloader';
import type { FilterQuery, Model, SortOrder } from 'mongoose';

export interface GroupedLoaderOptions<TDoc> {
  /** What the caller may see, ANDed into the query. */
  filter?: FilterQuery<TDoc>;
  /** Order within each key's group; `_id` ascending when omitted. */
  sort?: Record<string, SortOrder>;
  /**
   * The keys a document belongs under. By default the value of `field` — each element when it is
   * an array (a document listed under several divisions). Needed when `field` is a dot path.
   */
  keysOf?: (doc: TDoc) => readonly string[];
}

function valuesOf(doc: unknown, field: string): string[] {
  const value = (doc as Record<string, unknown>)[field];
  if (Array.isArray(value)) return value.map(String);
  return value === null || value === undefined ? [] : [String(value)];
}

/**
 * A per-request DataLoader for "the records whose `field` is (or contains) this key" (a matter's
 * sub-matters, an achievement's uses, a topic's posts): all keys asked for in one tick become one
 * `find({ field: { $in: keys } })`, narrowed by `filter` and in `sort` order within each key.
 * Results come back in key order, an empty list for a key with none.
 */
export function groupedLoader<TDoc, TKey extends string = string>(
  model: Model<TDoc>,
  field: string,
  {
    filter = {},
    sort = { _id: 1 },
    keysOf = (doc) => valuesOf(doc, field),
  }: GroupedLoaderOptions<TDoc> = {},
): DataLoader<TKey, TDoc[]> {
  return new DataLoader<TKey, TDoc[]>(async (keys) => {
    const docs = (await model
      .find({ $and: [filter, { [field]: { $in: keys } }] } as FilterQuery<TDoc>)
      .sort(sort)
      .lean()) as TDoc[];
    const groups = new Map<string, TDoc[]>(keys.map((key) => [key, []]));
    for (const doc of docs) for (const key of keysOf(doc)) groups.get(key)?.push(doc);
    return keys.map((key) => groups.get(key)!);
  });
}
