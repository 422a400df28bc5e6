import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { WriteBlockedError } from '../storage/write-blocked-error.js';
import type { CommandContext } from './command-context.js';

/**
 * Runs the statements of a write command with MongoDB's semantics: `ordered` stops at the
 * first failed statement, unordered runs them all; failures become `writeErrors`. Errors that
 * carry labels (WriteConflict in a transaction) fail the whole command so the driver sees the
 * label. An auto-commit statement blocked by a transaction's lock waits for it and is retried.
 */
export async function runStatements<T>(
  ctx: CommandContext,
  items: T[],
  run: (item: T, index: number) => void,
): Promise<Document[]> {
  const ordered = ctx.command.ordered !== false;
  const writeErrors: Document[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      await runWithRetry(ctx, () => run(items[i]!, i));
    } catch (error) {
      if (!(error instanceof MongoCommandError)) throw error;
      if (ctx.transaction) {
        ctx.transaction.abort();
        if (error.errorLabels.length > 0) throw error;
      }
      writeErrors.push(error.toWriteError(i));
      if (ordered || ctx.transaction) break;
    }
  }
  return writeErrors;
}

async function runWithRetry(ctx: CommandContext, statement: () => void): Promise<void> {
  for (;;) {
    try {
      statement();
      return;
    } catch (error) {
      if (!(error instanceof WriteBlockedError) || !ctx.autocommit) throw error;
      // Make what this command already did durable before yielding to other clients.
      await ctx.autocommit.flush();
      await error.until;
    }
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
