import { Binary, type Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import type { Engine } from '../storage/engine.js';
import { Transaction } from './transaction.js';

type Session = {
  txnNumber: number;
  txn: Transaction | undefined;
  lastUsed: number;
  /** The reply of the last retryable write, returned again if the driver retries it. */
  retryable: { txnNumber: number; reply: Document } | undefined;
};

const TRANSACTION_LIFETIME_MS = 60_000;
const SESSION_TIMEOUT_MS = 30 * 60_000;

/**
 * Logical sessions (by `lsid`) and the transaction each may have open. The driver starts a
 * transaction implicitly: the first command carrying `autocommit: false, startTransaction: true`.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly engine: Engine) {}

  /** The transaction a command runs in, or undefined for auto-commit commands. */
  transactionFor(command: Document): Transaction | undefined {
    if (command.autocommit !== false) return undefined;
    const key = sessionKey(command.lsid);
    const txnNumber = Number(command.txnNumber);
    if (!key || !Number.isFinite(txnNumber)) {
      throw new MongoCommandError('InvalidOptions', 'autocommit:false requires lsid and txnNumber');
    }
    const session = this.session(key);
    if (command.startTransaction === true) {
      if (txnNumber < session.txnNumber || (txnNumber === session.txnNumber && session.txn)) {
        throw new MongoCommandError(
          'TransactionTooOld',
          `txnNumber ${txnNumber} is less than last txnNumber ${session.txnNumber} seen in session`,
        );
      }
      session.txn?.abort();
      session.txnNumber = txnNumber;
      session.txn = new Transaction(this.engine, txnNumber);
      return session.txn;
    }
    const txn = session.txn;
    if (
      !txn ||
      session.txnNumber !== txnNumber ||
      (txn.state === 'aborted' && !isFinishing(command))
    ) {
      throw noSuchTransaction(txnNumber, session.txnNumber);
    }
    txn.lastUsed = Date.now();
    return txn;
  }

  /**
   * A retryable write (lsid + txnNumber outside a transaction) that already ran: its earlier
   * reply, so a driver retry after a lost connection does not apply the write twice.
   */
  retriedWriteReply(command: Document): Document | undefined {
    const retryable = this.retryableSession(command)?.retryable;
    if (!retryable) return undefined;
    const txnNumber = Number(command.txnNumber);
    if (txnNumber < retryable.txnNumber) {
      throw new MongoCommandError(
        'TransactionTooOld',
        `Retryable write with txnNumber ${txnNumber} is prohibited on session because a newer retryable write with txnNumber ${retryable.txnNumber} has already started on this session.`,
      );
    }
    return txnNumber === retryable.txnNumber ? retryable.reply : undefined;
  }

  rememberRetryableWrite(command: Document, reply: Document): void {
    const session = this.retryableSession(command);
    if (session) session.retryable = { txnNumber: Number(command.txnNumber), reply };
  }

  private retryableSession(command: Document): Session | undefined {
    const key = sessionKey(command.lsid);
    if (!key || command.autocommit !== undefined || command.txnNumber === undefined)
      return undefined;
    return this.session(key);
  }

  private session(key: string): Session {
    let session = this.sessions.get(key);
    if (!session) {
      session = { txnNumber: -1, txn: undefined, lastUsed: Date.now(), retryable: undefined };
      this.sessions.set(key, session);
    }
    session.lastUsed = Date.now();
    return session;
  }

  endSessions(lsids: unknown[]): void {
    for (const lsid of lsids) {
      const key = sessionKey(lsid);
      if (!key) continue;
      this.sessions.get(key)?.txn?.abort();
      this.sessions.delete(key);
    }
  }

  /**
   * Aborts transactions idle longer than MongoDB's default transactionLifetimeLimitSeconds and
   * forgets sessions idle past logicalSessionTimeoutMinutes (clients that vanished).
   */
  expire(now = Date.now()): void {
    for (const [key, session] of this.sessions) {
      const txn = session.txn;
      if (txn?.state === 'active' && now - txn.lastUsed > TRANSACTION_LIFETIME_MS) txn.abort();
      if (now - session.lastUsed > SESSION_TIMEOUT_MS) {
        txn?.abort();
        this.sessions.delete(key);
      }
    }
  }

  /** Records a command's session as in use (mongod's logical session cache does the same). */
  touch(lsid: unknown): void {
    const key = sessionKey(lsid);
    if (key) this.session(key);
  }

  /** The sessions this server knows, for `$listLocalSessions`. */
  list(): Array<{ id: Binary; lastUse: Date }> {
    return [...this.sessions].map(([key, session]) => ({
      id: new Binary(Buffer.from(key, 'hex'), Binary.SUBTYPE_UUID),
      lastUse: new Date(session.lastUsed),
    }));
  }

  killAll(): void {
    for (const session of this.sessions.values()) session.txn?.abort();
    this.sessions.clear();
  }

  abortAll(): void {
    for (const session of this.sessions.values()) session.txn?.abort();
  }
}

function isFinishing(command: Document): boolean {
  return 'abortTransaction' in command;
}

export function noSuchTransaction(txnNumber: number, active: number): MongoCommandError {
  return new MongoCommandError(
    'NoSuchTransaction',
    `Given transaction number ${txnNumber} does not match any in-progress transactions. The active transaction number is ${active}`,
    { errorLabels: ['TransientTransactionError'] },
  );
}

function sessionKey(lsid: unknown): string | undefined {
  const id = (lsid as { id?: Binary } | undefined)?.id;
  if (!id || typeof id !== 'object' || !('buffer' in id)) return undefined;
  // The decoder hands out Buffers already; copying one only to print it was per command.
  const bytes = id.buffer;
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)).toString('hex');
}
