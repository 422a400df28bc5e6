import { Binary } from 'bson';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { Engine } from '../storage/engine.js';
import { SessionRegistry } from './session-registry.js';

const lsid = (n: number) => ({ id: new Binary(Buffer.alloc(16, n), Binary.SUBTYPE_UUID) });
const statement = (n: number, txnNumber: number, start = false) => ({
  find: 'c',
  lsid: lsid(n),
  txnNumber,
  autocommit: false,
  ...(start ? { startTransaction: true } : {}),
});

describe('SessionRegistry', () => {
  it('given no autocommit:false, then the command runs outside any transaction', () => {
    const sessions = new SessionRegistry(new Engine(undefined, silentLogger));
    expect(sessions.transactionFor({ find: 'c', lsid: lsid(1), txnNumber: 1 })).toBeUndefined();
  });

  it('given startTransaction then follow-up statements, then they share one transaction', () => {
    const sessions = new SessionRegistry(new Engine(undefined, silentLogger));
    const txn = sessions.transactionFor(statement(1, 1, true));
    expect(sessions.transactionFor(statement(1, 1))).toBe(txn);
  });

  it('given a txnNumber with no transaction started, then NoSuchTransaction with the transient label', () => {
    const sessions = new SessionRegistry(new Engine(undefined, silentLogger));
    expect(() => sessions.transactionFor(statement(1, 4))).toThrow(
      expect.objectContaining({ code: 251, errorLabels: ['TransientTransactionError'] }) as never,
    );
  });

  it('given a newer transaction on the session, then the older one is aborted', () => {
    const sessions = new SessionRegistry(new Engine(undefined, silentLogger));
    const first = sessions.transactionFor(statement(1, 1, true))!;
    sessions.transactionFor(statement(1, 2, true));
    expect(first.state).toBe('aborted');
  });

  it('given idle time past the limits, then the transaction is aborted and the session forgotten', () => {
    const sessions = new SessionRegistry(new Engine(undefined, silentLogger));
    const txn = sessions.transactionFor(statement(1, 1, true))!;
    sessions.expire(Date.now() + 61_000);
    expect(txn.state).toBe('aborted');
    sessions.expire(Date.now() + 31 * 60_000);
    expect(() => sessions.transactionFor(statement(1, 1))).toThrow(
      expect.objectContaining({ code: 251 }) as never,
    );
  });
});

describe('SessionRegistry retryable writes', () => {
  const write = (txnNumber: number) => ({ insert: 'c', lsid: lsid(9), txnNumber });

  it('given a write already answered, when retried with the same txnNumber, then the earlier reply is returned', () => {
    const sessions = new SessionRegistry(new Engine(undefined, silentLogger));
    expect(sessions.retriedWriteReply(write(3))).toBeUndefined();
    sessions.rememberRetryableWrite(write(3), { n: 1, ok: 1 });
    expect(sessions.retriedWriteReply(write(3))).toEqual({ n: 1, ok: 1 });
    expect(sessions.retriedWriteReply(write(4))).toBeUndefined();
  });

  it('given an older txnNumber than the last write, then TransactionTooOld', () => {
    const sessions = new SessionRegistry(new Engine(undefined, silentLogger));
    sessions.rememberRetryableWrite(write(5), { n: 1, ok: 1 });
    expect(() => sessions.retriedWriteReply(write(4))).toThrow(
      expect.objectContaining({ code: 225 }) as never,
    );
  });
});
