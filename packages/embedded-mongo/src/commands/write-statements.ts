import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { WriteBlockedError } from '../storage/write-blocked-error.js';
import type { CommandContext } from './command-context.js';

/**
 * Runs the statements of a write command with MongoDB's semantics: `ordered` stops at the
 * first failed statement, unordered runs them all; failures become `writeErrors`. Errors that
 * carry labels (WriteConflict in a transaction) fail the whole command so the driver sees the
 * label. An auto-commit statement blocked by a transaction's lock waits for it and is retried.
 *
 * Statements run synchronously and their journal record is handed over in the same turn, so
 * no other command's write can land in memory between them and their record: the journal
 * order is the order the writes were applied in.
 */
export async function runStatements<T>(
  ctx: CommandContext,
  items: T[],
  run: (item: T, index: number) => void,
): Promise<Document[]> {
  const ordered = ctx.command.ordered !== false;
  const writeErrors: Document[] = [];
  let next = 0;

  /** Runs statements from `next` on; returns what a blocked statement waits for, if any. */
  const runUntilBlocked = (): Promise<void> | undefined => {
    for (; next < items.length; next++) {
      try {
        run(items[next]!, next);
      } catch (error) {
        if (error instanceof WriteBlockedError && ctx.autocommit) return error.until;
        if (!(error instanceof MongoCommandError)) throw error;
        if (ctx.transaction) {
          ctx.transaction.abort();
          if (error.errorLabels.length > 0) throw error;
        }
        writeErrors.push(error.toWriteError(next));
        if (ordered || ctx.transaction) {
          next = items.length;
          return undefined;
        }
      }
    }
    return undefined;
  };

  for (;;) {
    let blockedOn: Promise<void> | undefined;
    try {
      blockedOn = runUntilBlocked();
    } catch (error) {
      await ctx.autocommit?.flush();
      throw error;
    }
    await ctx.autocommit?.flush();
    if (!blockedOn) return writeErrors;
    await blockedOn;
  }
}

export function requireArray(ctx: CommandContext, field: string): Document[] {
  const v = ctx.command[field];
  if (!Array.isArray(v)) {
    throw new MongoCommandError(
      'TypeMismatch',
      `BSON field '${Object.keys(ctx.command)[0]}.${field}' is missing or is the wrong type, expected type 'array'`,
    );
  }
  for (const item of v) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new MongoCommandError(
        'TypeMismatch',
        `BSON field '${field}' must contain only objects`,
      );
    }
  }
  return v as Document[];
}

export function withWriteErrors(reply: Document, writeErrors: Document[]): Document {
  return writeErrors.length > 0 ? { ...reply, writeErrors, ok: 1 } : { ...reply, ok: 1 };
}
