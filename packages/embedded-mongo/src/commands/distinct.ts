import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { compareBson } from '../storage/bson-order.js';
import { valuesAtPath } from '../storage/index-keys.js';
import { valueKey } from '../storage/value-key.js';
import { collectionName, optionalDocument, type CommandContext } from './command-context.js';
import { countQuery } from './query-stats.js';

export function distinct(ctx: CommandContext): Document {
  const coll = collectionName(ctx, 'distinct');
  const key = ctx.command.key;
  if (typeof key !== 'string')
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'distinct.key' is missing or is the wrong type, expected type 'string'",
    );
  const query = optionalDocument(ctx, 'query') ?? {};
  const { docs, stats } = ctx.view.match(ctx.db, coll, query, { hint: ctx.command.hint });
  countQuery(ctx.server.counters, stats);
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
  return { values: [...seen.values()].sort(compareBson), ok: 1 };
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
