import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { parseCollation } from '../query/collation.js';
import { viewNotCollection } from '../storage/engine.js';
import type { ResolvedView, ViewDefinition } from '../storage/view-catalog.js';
import type { CommandContext } from './command-context.js';

/**
 * What a read of `coll` must run when `coll` is a view: its resolved pipeline on the collection
 * at the end of the chain. A view's default collation is the simple one (a collection default
 * collation is refused), and mongod refuses a read that asks a view for another.
 */
export function viewToRead(ctx: CommandContext, coll: string): ResolvedView | undefined {
  const resolved = ctx.server.engine.views.resolve(ctx.db, coll);
  if (resolved && parseCollation(ctx.command.collation) !== undefined)
    throw new MongoCommandError(
      'OptionNotSupportedOnView',
      `Cannot override a view's default collation ${ctx.db}.${coll}`,
    );
  return resolved;
}

/** Writes, indexes and index listings name collections; a view gets mongod's 166. */
export function assertNotView(ctx: CommandContext, db: string, coll: string): void {
  if (ctx.server.engine.views.get(db, coll)) throw viewNotCollection(db, coll);
}

/** Stages that write or stream, which a view's definition may not hold (mongod: 167). */
const NOT_IN_VIEW = new Set(['$out', '$merge', '$changeStream']);

/**
 * The view a `create` or `collMod` defines, checked as mongod checks it; undefined when the
 * options define no view.
 */
export function parseViewDefinition(
  options: Document,
  current?: ViewDefinition,
): ViewDefinition | undefined {
  const { viewOn, pipeline } = options;
  if (viewOn === undefined && pipeline === undefined) return undefined;
  if (viewOn !== undefined && typeof viewOn !== 'string')
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'viewOn' is the wrong type, expected type 'string'",
    );
  if (viewOn === undefined && !current)
    throw new MongoCommandError('BadValue', "'pipeline' requires 'viewOn' to also be specified");
  if (viewOn === '') throw new MongoCommandError('BadValue', "'viewOn' cannot be empty");
  if (pipeline !== undefined && !Array.isArray(pipeline))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'pipeline' is the wrong type, expected type 'array'",
    );
  const stages = (pipeline ?? current?.pipeline ?? []) as unknown[];
  for (const stage of stages) {
    const keys = stage && typeof stage === 'object' ? Object.keys(stage) : [];
    if (keys.length !== 1)
      throw new MongoCommandError(
        'Location40323',
        'A pipeline stage specification object must contain exactly one field.',
      );
    if (NOT_IN_VIEW.has(keys[0]!))
      throw new MongoCommandError(
        'OptionNotSupportedOnView',
        `${keys[0]} cannot be used in a view definition`,
      );
  }
  return {
    viewOn: (viewOn as string | undefined) ?? current!.viewOn,
    pipeline: stages as Document[],
  };
}
