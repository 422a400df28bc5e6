import type { Document } from 'bson';
import { parseCollation } from '../query/collation.js';
import {
  collectionName,
  optionalDocument,
  optionalNumber,
  type CommandContext,
} from './command-context.js';
import { countQuery } from './query-stats.js';

export function count(ctx: CommandContext): Document {
  const coll = collectionName(ctx, 'count');
  const query = optionalDocument(ctx, 'query') ?? {};
  const skip = Math.max(0, optionalNumber(ctx, 'skip') ?? 0);
  const limit = Math.abs(optionalNumber(ctx, 'limit') ?? 0);
  const { docs, stats } = ctx.view.match(ctx.db, coll, query, {
    hint: ctx.command.hint,
    collation: parseCollation(ctx.command.collation),
    limit: limit > 0 ? skip + limit : undefined,
  });
  countQuery(ctx.server.counters, stats);
  const n = Math.max(0, docs.length - skip);
  return { n: limit > 0 ? Math.min(n, limit) : n, ok: 1 };
}
