import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { noSuchTransaction } from '../transactions/session-registry.js';
import type { CommandContext } from './command-context.js';

export function endSessions(ctx: CommandContext): Document {
  const ids = ctx.command.endSessions ?? ctx.command.killSessions;
  if (Array.isArray(ids)) ctx.server.sessions.endSessions(ids);
  return { ok: 1 };
}

/** Ends every session and aborts its transaction (mongod: all users' sessions, no auth here). */
export function killAllSessions(ctx: CommandContext): Document {
  ctx.server.sessions.killAll();
  return { ok: 1 };
}

export const refreshSessions = (): Document => ({ ok: 1 });

export async function commitTransaction(ctx: CommandContext): Promise<Document> {
  const txn = ctx.transaction;
  if (!txn)
    throw new MongoCommandError(
      'InvalidOptions',
      'commitTransaction must be run within a transaction',
    );
  // A retried commit of a committed transaction succeeds, as the driver expects.
  if (txn.state === 'committed') return { ok: 1 };
  if (txn.state === 'aborted') throw noSuchTransaction(txn.txnNumber, txn.txnNumber);
  const ops = txn.commit();
  await ctx.server.engine.persist(ops);
  return { ok: 1 };
}

export function abortTransaction(ctx: CommandContext): Document {
  const txn = ctx.transaction;
  if (!txn)
    throw new MongoCommandError(
      'InvalidOptions',
      'abortTransaction must be run within a transaction',
    );
  if (txn.state === 'committed')
    throw new MongoCommandError('TransactionCommitted', 'Transaction has been committed.');
  txn.abort();
  return { ok: 1 };
}
