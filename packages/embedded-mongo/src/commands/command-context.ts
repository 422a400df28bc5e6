import type { Document, ObjectId } from 'bson';
import type { CursorRegistry } from '../cursors/cursor-registry.js';
import type { Logger } from '../logger.js';
import type { AutoCommitView } from '../storage/autocommit-view.js';
import type { DataView } from '../storage/data-view.js';
import type { Engine } from '../storage/engine.js';
import type { SessionRegistry } from '../transactions/session-registry.js';
import type { Transaction } from '../transactions/transaction.js';
import type { ClusterTime } from '../wire/cluster-time.js';
import { MongoCommandError } from '../errors/mongo-error.js';
import { asMongoError } from '../query/apply-update.js';
import { evaluateLet } from '../query/mingo-options.js';
import type { FailPoints } from './fail-points.js';
import type { ServerCounters } from './server-counters.js';

/** Server-wide state every command may use. */
export type ServerState = {
  engine: Engine;
  sessions: SessionRegistry;
  cursors: CursorRegistry;
  counters: ServerCounters;
  failPoints: FailPoints;
  logger: Logger;
  /** host:port as clients should address this server. */
  address: string;
  startedAt: Date;
  /** Identifies this server process in `hello.topologyVersion`. */
  topologyProcessId: ObjectId;
  /** What every reply carries as `$clusterTime` and `operationTime`. */
  clusterTime: ClusterTime;
  /** Reply bytes written to sockets but not yet taken by their clients, over all connections. */
  queuedReplyBytes(): number;
};

export type CommandContext = {
  server: ServerState;
  db: string;
  command: Document;
  connectionId: number;
  /** Where the command reads and writes: a transaction, or the committed state. */
  view: DataView;
  transaction: Transaction | undefined;
  /** Set when not in a transaction; write commands persist its operations before replying. */
  autocommit: AutoCommitView | undefined;
};

export type CommandHandler = (ctx: CommandContext) => Document | Promise<Document>;

/** The collection name a command targets (`{find: 'users'}` → 'users'), validated. */
export function collectionName(ctx: CommandContext, commandName: string): string {
  const name = ctx.command[commandName];
  if (typeof name !== 'string') {
    throw new MongoCommandError(
      'InvalidNamespace',
      `collection name has invalid type ${typeof name}`,
    );
  }
  if (name.length === 0 || name.includes('\0') || name.startsWith('.') || name.includes('$')) {
    throw new MongoCommandError(
      'InvalidNamespace',
      `Invalid namespace specified '${ctx.db}.${name}'`,
    );
  }
  return name;
}

export function optionalDocument(ctx: CommandContext, field: string): Document | undefined {
  const v = ctx.command[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new MongoCommandError(
      'TypeMismatch',
      `BSON field '${field}' is the wrong type '${Array.isArray(v) ? 'array' : typeof v}', expected type 'object'`,
    );
  }
  return v as Document;
}

export function optionalNumber(ctx: CommandContext, field: string): number | undefined {
  const v = ctx.command[field];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v : Number((v as { valueOf(): unknown }).valueOf());
  if (!Number.isFinite(n)) {
    throw new MongoCommandError(
      'TypeMismatch',
      `BSON field '${field}' is the wrong type '${typeof v}', expected a number`,
    );
  }
  return n;
}

/** The command's `let` variables, evaluated; undefined when it has none. */
export function letVariables(ctx: CommandContext): Document | undefined {
  try {
    return evaluateLet(ctx.command.let);
  } catch (error) {
    if (error instanceof TypeError) throw new MongoCommandError('TypeMismatch', error.message);
    throw asMongoError(error);
  }
}
