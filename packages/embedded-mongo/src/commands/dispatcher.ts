import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { AutoCommitView } from '../storage/autocommit-view.js';
import { noSuchTransaction } from '../transactions/session-registry.js';
import { aggregate } from './aggregate.js';
import type { CommandContext, CommandHandler, ServerState } from './command-context.js';
import { collMod, create, drop, listCollections } from './collections.js';
import { bulkWrite } from './bulk-write.js';
import { count } from './count.js';
import {
  CLOSE_CONNECTION,
  configureFailPoint,
  failPointError,
  withFailPointWriteConcernError,
} from './fail-points.js';
import {
  assertAllowedInTransaction,
  assertSupportedCollations,
  assertValidReadConcern,
  assertValidWriteConcern,
  writeConcernError,
} from './command-checks.js';
import { getMore, killCursors } from './cursors.js';
import { dropDatabase, listDatabases } from './databases.js';
import { deleteCommand } from './delete.js';
import { distinct } from './distinct.js';
import { explain } from './explain.js';
import { find } from './find.js';
import { findAndModify } from './find-and-modify.js';
import { hello } from './handshake.js';
import { createIndexes, dropIndexes, listIndexes } from './indexes.js';
import { insert } from './insert.js';
import {
  buildInfo,
  connectionStatus,
  getCmdLineOpts,
  getParameter,
  hostInfo,
  ping,
  serverStatus,
  whatsmyuri,
} from './server-info.js';
import {
  abortTransaction,
  commitTransaction,
  endSessions,
  killAllSessions,
  refreshSessions,
} from './sessions.js';
import { update } from './update.js';

const HANDLERS: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping,
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  hostInfo,
  serverStatus,
  whatsmyuri,
  connectionStatus,
  getCmdLineOpts,
  endSessions,
  killSessions: endSessions,
  killAllSessions,
  refreshSessions,
  commitTransaction,
  abortTransaction,
  find,
  getMore,
  killCursors,
  insert,
  update,
  delete: deleteCommand,
  findAndModify,
  findandmodify: findAndModify,
  count,
  distinct,
  aggregate,
  create,
  collMod,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  explain,
  bulkWrite,
  configureFailPoint,
};

const TRANSACTION_CONTROL = new Set(['commitTransaction', 'abortTransaction']);
const RETRYABLE_WRITES = new Set([
  'insert',
  'update',
  'delete',
  'findAndModify',
  'findandmodify',
  'bulkWrite',
]);

/**
 * Runs one command and always returns a reply document; errors become MongoDB error replies.
 * The connection adds `$clusterTime` and `operationTime` as it encodes the reply.
 */
export async function runCommand(
  server: ServerState,
  command: Document,
  db: string,
  connectionId: number,
): Promise<Document> {
  const name = Object.keys(command)[0] ?? '';
  server.counters.countCommand(name, db, command[name]);
  const handler = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : undefined;
  if (!handler) {
    return new MongoCommandError('CommandNotFound', `no such command: '${name}'`).toReply();
  }
  const failure = server.failPoints.take(name, connectionId);
  if (failure) {
    if (failure.blockConnection === true) await delay(Number(failure.blockTimeMS ?? 0));
    if (failure.closeConnection === true) return CLOSE_CONNECTION;
    if (failure.errorCode !== undefined) {
      // mongod aborts a transaction whose statement failed.
      if (name !== 'commitTransaction' && name !== 'abortTransaction') {
        try {
          server.sessions.transactionFor(command)?.abort();
        } catch {
          // no such transaction: nothing to abort
        }
      }
      return failPointError(name, command, failure);
    }
  }
  const reply = await execute(server, handler, name, command, db, connectionId);
  if (failure?.writeConcernError && reply.ok === 1)
    return withFailPointWriteConcernError(
      name,
      command,
      reply,
      failure.writeConcernError as Document,
    );
  return reply;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function execute(
  server: ServerState,
  handler: CommandHandler,
  name: string,
  command: Document,
  db: string,
  connectionId: number,
): Promise<Document> {
  let ctx: CommandContext | undefined;
  try {
    server.sessions.touch(command.lsid);
    const transaction = server.sessions.transactionFor(command);
    if (transaction) assertAllowedInTransaction(name, db);
    assertValidWriteConcern(command);
    assertValidReadConcern(name, command);
    assertSupportedCollations(name, command);
    if (transaction && transaction.state !== 'active' && !TRANSACTION_CONTROL.has(name)) {
      throw noSuchTransaction(transaction.txnNumber, transaction.txnNumber);
    }
    const retryable = RETRYABLE_WRITES.has(name) && !transaction;
    const earlier = retryable ? server.sessions.retriedWriteReply(command) : undefined;
    if (earlier) return earlier;
    const autocommit = transaction ? undefined : new AutoCommitView(server.engine);
    (transaction ?? autocommit!).bypassDocumentValidation =
      command.bypassDocumentValidation === true;
    ctx = {
      server,
      db,
      command,
      connectionId,
      transaction,
      autocommit,
      view: transaction ?? autocommit!,
    };
    try {
      let reply = await handler(ctx);
      const wcError = reply.ok === 1 ? writeConcernError(command) : undefined;
      if (wcError) reply = { ...reply, writeConcernError: wcError };
      if (retryable && reply.ok === 1) server.sessions.rememberRetryableWrite(command, reply);
      return reply;
    } finally {
      // Acknowledge only what is on disk — including the statements done before a failure.
      if (autocommit) await autocommit.flush();
    }
  } catch (error) {
    if (ctx?.transaction && name !== 'commitTransaction') ctx.transaction.abort();
    if (error instanceof MongoCommandError) return error.toReply();
    server.logger.error(
      { err: error instanceof Error ? error.stack : String(error), command: name },
      'command failed unexpectedly',
    );
    return new MongoCommandError(
      'InternalError',
      error instanceof Error ? error.message : String(error),
    ).toReply();
  }
}
