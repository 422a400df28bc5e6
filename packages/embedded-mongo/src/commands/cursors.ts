import { Long, type Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { optionalNumber, type CommandContext } from './command-context.js';

export function getMore(ctx: CommandContext): Document {
  const raw = ctx.command.getMore;
  if (typeof raw !== 'number' && !(raw instanceof Long)) {
    throw new MongoCommandError(
      'TypeMismatch',
      `Field 'getMore' must be of type long in: ${JSON.stringify(ctx.command)}`,
    );
  }
  const cursor = ctx.server.cursors.get(raw);
  if (!cursor) throw new MongoCommandError('CursorNotFound', `cursor id ${String(raw)} not found`);
  const { id, batch } = ctx.server.cursors.next(cursor, optionalNumber(ctx, 'batchSize'));
  return { cursor: { nextBatch: batch, id, ns: cursor.ns }, ok: 1 };
}

export function killCursors(ctx: CommandContext): Document {
  const ids = ctx.command.cursors;
  if (!Array.isArray(ids))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'killCursors.cursors' is missing or not an array",
    );
  const cursorsKilled: unknown[] = [];
  const cursorsNotFound: unknown[] = [];
  for (const id of ids)
    (ctx.server.cursors.kill(id as Long) ? cursorsKilled : cursorsNotFound).push(id);
  return { cursorsKilled, cursorsNotFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}
