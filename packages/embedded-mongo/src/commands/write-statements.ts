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
  const batch: StatementBatch<T> = {
    ctx,
    items,
    run,
    ordered: ctx.command.ordered !== false,
    writeErrors: [],
    next: 0,
  };
  for (;;) {
    let blockedOn: Promise<void> | undefined;
    try {
      blockedOn = runUntilBlocked(batch);
    } catch (error) {
      await ctx.autocommit?.flush();
      throw error;
    }
    await ctx.autocommit?.flush();
    if (!blockedOn) return batch.writeErrors;
    await blockedOn;
  }
}

type StatementBatch<T> = {
  ctx: CommandContext;
  items: T[];
  run: (item: T, index: number) => void;
  ordered: boolean;
  writeErrors: Document[];
  /** The next statement to run. */
  next: number;
};

/**
 * Runs statements from `next` on; returns what a blocked statement waits for, if any. A module
 * function rather than a closure made per command: under tsx (esbuild keepNames) each named
 * closure costs a property definition, on every write.
 */
function runUntilBlocked<T>(batch: StatementBatch<T>): Promise<void> | undefined {
  const { ctx, items } = batch;
  for (; batch.next < items.length; batch.next++) {
    try {
      batch.run(items[batch.next]!, batch.next);
    } catch (error) {
      if (error instanceof WriteBlockedError && ctx.autocommit) return error.until;
      if (!(error instanceof MongoCommandError)) throw error;
      if (ctx.transaction) {
        ctx.transaction.abort();
        if (error.errorLabels.length > 0) throw error;
      }
      batch.writeErrors.push(error.toWriteError(batch.next));
      if (batch.ordered || ctx.transaction) {
        batch.next = items.length;
        return undefined;
      }
    }
  }
  return undefined;
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
