import DataLoader from 'dataloader';
import type { FilterQuery, Model } from 'mongoose';

export interface ByIdLoaderOptions<K, TDoc = unknown> {
  /**
   * What the caller may see, ANDed into the query: a document it lets through is found, any other
   * answers null — the same as a missing one, so a refusal never tells what exists.
   */
  filter?: FilterQuery<TDoc>;
  /**
   * How a key and a document's `_id` are compared and cached; `String` by default, which fits
   * string ids and ObjectIds alike.
   */
  toKey?: (id: K) => string;
}

/**
 * A per-request DataLoader that fetches documents by `_id`: all ids asked for in one tick become
 * one `find({ _id: { $in: ids } })`, and results come back in key order with `null` for ids that
 * do not exist — the contract DataLoader and `__resolveReference` rely on.
 *
 * Documents are lean (plain objects): resolvers only read them, and hydrating every entity of a
 * large federated batch would cost more than the query itself.
 */
export function byIdLoader<TDoc, K = string>(
  model: Model<TDoc>,
  { toKey = String, filter }: ByIdLoaderOptions<K, TDoc> = {},
): DataLoader<K, LeanDocument<TDoc> | null, string> {
  return new DataLoader<K, LeanDocument<TDoc> | null, string>(
    async (ids) => {
      const byIds = { _id: { $in: ids } } as FilterQuery<TDoc>;
      const docs = (await model
        .find(filter ? ({ $and: [filter, byIds] } as FilterQuery<TDoc>) : byIds)
        .lean()) as LeanDocument<TDoc>[];
      const byKey = new Map(docs.map((doc) => [toKey(doc._id as K), doc]));
      return ids.map((id) => byKey.get(toKey(id)) ?? null);
    },
    { cacheKeyFn: toKey },
  );
}

export type LeanDocument<TDoc> = TDoc & { _id: unknown };
