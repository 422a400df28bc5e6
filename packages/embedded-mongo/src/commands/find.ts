import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { parseCollation } from '../query/collation.js';
import { projector } from '../query/projection.js';
import { sortDocuments } from '../query/sort-documents.js';
import type { MatchStats } from '../storage/data-view.js';
import {
  collectionName,
  letVariables,
  optionalDocument,
  optionalNumber,
  type CommandContext,
} from './command-context.js';
import { runPipeline } from './aggregate.js';
import { countQuery } from './query-stats.js';
import { viewToRead } from './views.js';

export type FindResult = {
  docs: Document[];
  stats: MatchStats;
  shape: (d: Document) => Document;
  ns: string;
};

/** Runs the query part of `find` (filter, sort, skip, limit); shared with explain. */
export function runFind(ctx: CommandContext): FindResult {
  const coll = collectionName(ctx, 'find');
  const filter = optionalDocument(ctx, 'filter') ?? {};
  const sort = optionalDocument(ctx, 'sort');
  const projection = optionalDocument(ctx, 'projection');
  const skip = optionalNumber(ctx, 'skip') ?? 0;
  const rawLimit = optionalNumber(ctx, 'limit') ?? 0;
  if (skip < 0)
    throw new MongoCommandError(
      'BadValue',
      `skip value must be non-negative, but received: ${skip}`,
    );
  if (rawLimit < 0)
    throw new MongoCommandError(
      'BadValue',
      `limit value must be non-negative, but received: ${rawLimit}`,
    );
  const hasSort = sort !== undefined && Object.keys(sort).length > 0;
  const collation = parseCollation(ctx.command.collation);
  const ns = `${ctx.db}.${coll}`;
  const view = viewToRead(ctx, coll);
  if (view) {
    // As mongod: the view's pipeline, then the query as aggregation stages.
    const stages: Document[] = [...view.pipeline];
    if (Object.keys(filter).length > 0) stages.push({ $match: filter });
    if (hasSort) stages.push({ $sort: sort });
    if (skip > 0) stages.push({ $skip: skip });
    if (rawLimit > 0) stages.push({ $limit: rawLimit });
    const { docs, stats } = runPipeline(ctx, view.coll, stages);
    return { docs, stats, shape: projector(filter, projection), ns };
  }
  // The read stops after skip+limit matches when it can deliver them in the final order.
  const {
    docs: matched,
    stats,
    sorted,
  } = ctx.view.match(ctx.db, coll, filter, {
    hint: ctx.command.hint,
    variables: letVariables(ctx),
    collation,
    ...(hasSort ? { sort } : {}),
    ...(rawLimit > 0 ? { limit: skip + rawLimit } : {}),
  });
  countQuery(ctx.server.counters, stats);
  let docs = hasSort && !sorted ? sortDocuments(matched, sort, collation) : matched;
  if (skip > 0 || rawLimit > 0) docs = docs.slice(skip, rawLimit > 0 ? skip + rawLimit : undefined);
  return { docs, stats, shape: projector(filter, projection), ns };
}

export function find(ctx: CommandContext): Document {
  const { docs, shape, ns } = runFind(ctx);
  const batchSize = optionalNumber(ctx, 'batchSize');
  if (batchSize !== undefined && batchSize < 0) {
    throw new MongoCommandError(
      'BadValue',
      `BatchSize value must be non-negative, but received: ${batchSize}`,
    );
  }
  const singleBatch = ctx.command.singleBatch === true;
  const { id, batch } = ctx.server.cursors.open(ns, docs, shape, batchSize, singleBatch);
  return { cursor: { firstBatch: batch, id, ns }, ok: 1 };
}
