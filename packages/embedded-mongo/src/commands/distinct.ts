import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { parseCollation, withCollation } from '../query/collation.js';
import { compareBson } from '../storage/bson-order.js';
import { valuesAtPath } from '../storage/index-keys.js';
import { valueKey } from '../storage/value-key.js';
import { collectionName, optionalDocument, type CommandContext } from './command-context.js';
import { runPipeline } from './aggregate.js';
import { countQuery } from './query-stats.js';
import { viewToRead } from './views.js';

export function distinct(ctx: CommandContext): Document {
  const coll = collectionName(ctx, 'distinct');
  const key = ctx.command.key;
  if (typeof key !== 'string')
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'distinct.key' is missing or is the wrong type, expected type 'string'",
    );
  const query = optionalDocument(ctx, 'query') ?? {};
  const collation = parseCollation(ctx.command.collation);
  const view = viewToRead(ctx, coll);
  const docs = view
    ? runPipeline(ctx, view.coll, [...view.pipeline, { $match: query }]).docs
    : matchCollection(ctx, coll, query);
  const seen = new Map<string, unknown>();
  for (const doc of docs) {
    for (const v of valuesAtPath(doc, key).values) {
      if (v === null || v === undefined) {
        if (hasExplicitNull(doc, key)) seen.set('z', null);
        continue;
      }
      seen.set(valueKey(v), v);
    }
  }
  const values = withCollation(collation, () => [...seen.values()].sort(compareBson));
  if (!collation) return { values, ok: 1 };
  // Under a collation, values it deems equal ("PING", "ping" at strength 2) are one value.
  const distinctValues = withCollation(collation, () =>
    values.filter((v, i) => i === 0 || compareBson(values[i - 1], v) !== 0),
  );
  return { values: distinctValues, ok: 1 };
}

function matchCollection(ctx: CommandContext, coll: string, query: Document): Document[] {
  const { docs, stats } = ctx.view.match(ctx.db, coll, query, {
    hint: ctx.command.hint,
    collation: parseCollation(ctx.command.collation),
  });
  countQuery(ctx.server.counters, stats);
  return docs;
}

/** distinct reports null only for documents that store null, not for ones missing the field. */
function hasExplicitNull(doc: Document, path: string): boolean {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
    if (!(part in (node as Document))) return false;
    node = (node as Document)[part];
  }
  return node === null;
}
