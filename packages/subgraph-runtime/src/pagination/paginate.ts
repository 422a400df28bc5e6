import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery, Model } from 'mongoose';
import { badInput } from '../errors/public-errors.js';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor.js';
import { selectsField } from './selects-field.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  /** Page size, 1..100; 20 when omitted. */
  first?: number | null;
  /** The `endCursor` of the previous page. */
  after?: string | null;
  /** Field to order by (ties broken by `_id`); `_id` ascending when omitted. */
  sort?: { field: string; direction?: 'ASC' | 'DESC' };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  /** True when the page was requested `after` a cursor, i.e. there are items before it. */
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A Relay-style connection, shaped as the SDL's `XConnection { edges pageInfo totalCount }`. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A connection as a resolver hands it to GraphQL: `totalCount` is there only when the operation
 * selected it, since counting is a second database command a page does not otherwise need.
 */
export type ConnectionPage<T> = Omit<Connection<T>, 'totalCount'> & { totalCount?: number };

/**
 * Which operation a page is for: the resolver's `info`, so that the matching documents are
 * counted only when the operation asks for `totalCount` (a second database command a page does
 * not otherwise need), or the choice itself where the caller already made it.
 */
export type CountChoice =
  Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> | { countTotal: boolean };

/**
 * One page of `model.find(filter)` as a connection, with keyset (not skip) pagination: the cursor
 * holds the last item's (sort key, _id), and the next page starts strictly after it, so pages stay
 * stable while items are added and cost the same however deep the client pages.
 *
 * `count` is required, so no list counts by default: pass the resolver's `info`.
 *
 * The sort field should be present on every document; documents without it sort first
 * (ascending) or last (descending), as MongoDB orders null.
 */
export async function paginate<TDoc>(
  model: Model<TDoc>,
  filter: FilterQuery<TDoc>,
  { first, after, sort }: PageRequest | undefined = {},
  count: CountChoice,
): Promise<ConnectionPage<LeanNode<TDoc>>> {
  const size = pageSize(first);
  const { field, direction, order } = pageOrder(sort);
  const position = after ? decodeCursor(after) : undefined;

  const pageFilter = position
    ? { $and: [filter, afterPosition(field, direction, position)] }
    : filter;

  const [docs, totalCount] = await Promise.all([
    model
      .find(pageFilter as FilterQuery<TDoc>)
      .sort(order)
      .limit(size + 1)
      .lean<LeanNode<TDoc>[]>(),
    wantsCount(count) ? model.countDocuments(filter) : undefined,
  ]);
  return toConnection(docs, { size, field, afterCursor: position !== undefined, totalCount });
}

/** Whether a page for `count` counts the matching documents. */
export function wantsCount(count: CountChoice): boolean {
  return 'countTotal' in count ? count.countTotal : selectsField(count, 'totalCount');
}

/** The order a page request sorts by: its field, then `_id` to break ties. */
export function pageOrder(sort: PageRequest['sort']) {
  const field = sort?.field ?? '_id';
  const direction: 1 | -1 = sort?.direction === 'DESC' ? -1 : 1;
  const order: Record<string, 1 | -1> =
    field === '_id' ? { _id: direction } : { [field]: direction, _id: direction };
  return { field, direction, order };
}

/** Builds the connection from up to `size + 1` documents in page order (one more = a next page). */
export function toConnection<T extends { _id: unknown }>(
  docs: T[],
  {
    size,
    field,
    afterCursor,
    totalCount,
  }: { size: number; field: string; afterCursor: boolean; totalCount: number | undefined },
): ConnectionPage<T> {
  const nodes = docs.slice(0, size);
  const edges = nodes.map((node) => ({
    cursor: encodeCursor({ key: valueAt(node, field), id: node._id }),
    node,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: docs.length > size,
      hasPreviousPage: afterCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}

export type LeanNode<TDoc> = TDoc & { _id: unknown };

export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${first}`, {
      fields: ['first'],
    });
  }
  return first;
}

/** The condition "comes after `position` in this order", with `_id` breaking ties. */
function afterPosition(field: string, direction: 1 | -1, { key, id }: CursorPosition) {
  const beyond = direction === 1 ? '$gt' : '$lt';
  if (field === '_id') return { _id: { [beyond]: id } };
  const sameKeyLaterId = { [field]: key, _id: { [beyond]: id } };
  // MongoDB sorts null (and missing) before every value, and range operators never match null.
  if (key === null || key === undefined) {
    return direction === 1 ? { $or: [sameKeyLaterId, { [field]: { $ne: null } }] } : sameKeyLaterId;
  }
  const laterKey = { [field]: { [beyond]: key } };
  return direction === 1
    ? { $or: [laterKey, sameKeyLaterId] }
    : { $or: [laterKey, sameKeyLaterId, { [field]: null }] };
}

function valueAt(doc: object, path: string): unknown {
  let value: unknown = doc;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[segment];
  }
  return value ?? null;
}
