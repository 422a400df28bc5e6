import type { Document } from 'bson';
import { parseCollation } from '../query/collation.js';
import {
  collectionName,
  optionalDocument,
  optionalNumber,
  type CommandContext,
} from './command-context.js';
import { runPipeline } from './aggregate.js';
import { countQuery } from './query-stats.js';
import { viewToRead } from './views.js';

export function count(ctx: CommandContext): Document {
  const coll = collectionName(ctx, 'count');
  const query = optionalDocument(ctx, 'query') ?? {};
  const skip = Math.max(0, optionalNumber(ctx, 'skip') ?? 0);
  const limit = Math.abs(optionalNumber(ctx, 'limit') ?? 0);
  const view = viewToRead(ctx, coll);
  if (view) {
    const stages: Document[] = [...view.pipeline];
    if (Object.keys(query).length > 0) stages.push({ $match: query });
    if (skip > 0) stages.push({ $skip: skip });
    if (limit > 0) stages.push({ $limit: limit });
    return { n: runPipeline(ctx, view.coll, stages).docs.length, ok: 1 };
  }
  const { docs, stats } = ctx.view.match(ctx.db, coll, query, {
    hint: ctx.command.hint,
    collation: parseCollation(ctx.command.collation),
    limit: limit > 0 ? skip + limit : undefined,
  });
  countQuery(ctx.server.counters, stats);
  const n = Math.max(0, docs.length - skip);
  return { n: limit > 0 ? Math.min(n, limit) : n, ok: 1 };
}
