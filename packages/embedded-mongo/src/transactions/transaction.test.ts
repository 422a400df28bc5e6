import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { AutoCommitView } from '../storage/autocommit-view.js';
import { Engine } from '../storage/engine.js';
import { WriteBlockedError } from '../storage/write-blocked-error.js';
import { Transaction } from './transaction.js';

function engineWith(docs: Array<Record<string, unknown>>): Engine {
  const engine = new Engine(undefined, silentLogger);
  const view = new AutoCommitView(engine);
  for (const doc of docs) view.insert('db', 'c', doc);
  return engine;
}

describe('Transaction', () => {
  it('given later auto-commit writes, then the transaction keeps reading its snapshot, also through an index', () => {
    const engine = engineWith([{ _id: 1, k: 'a' }]);
    engine.collection('db', 'c')!.addIndex({ name: 'k_1', key: { k: 1 } });
    const txn = new Transaction(engine, 1);
    const view = new AutoCommitView(engine);
    view.replace('db', 'c', { _id: 1, k: 'a' }, { _id: 1, k: 'b' });
    view.insert('db', 'c', { _id: 2, k: 'a' });

    expect(txn.match('db', 'c', { k: 'a' }).docs).toEqual([{ _id: 1, k: 'a' }]);
    expect(view.match('db', 'c', { k: 'a' }).docs).toEqual([{ _id: 2, k: 'a' }]);
    txn.abort();
  });

  it('given its own writes, then the transaction reads them and nobody else does until commit', () => {
    const engine = engineWith([]);
    const txn = new Transaction(engine, 1);
    txn.insert('db', 'c', { _id: 1 });
    expect(txn.match('db', 'c', {}).docs).toEqual([{ _id: 1 }]);
    expect(new AutoCommitView(engine).match('db', 'c', {}).docs).toEqual([]);
    const ops = txn.commit();
    expect(ops).toEqual([
      { op: 'createCollection', db: 'db', coll: 'c', options: {} },
      { op: 'put', db: 'db', coll: 'c', doc: { _id: 1 } },
    ]);
    expect(new AutoCommitView(engine).match('db', 'c', {}).docs).toEqual([{ _id: 1 }]);
  });

  it('given two transactions writing one document, then the second gets WriteConflict', () => {
    const engine = engineWith([{ _id: 1, n: 0 }]);
    const first = new Transaction(engine, 1);
    const second = new Transaction(engine, 1);
    first.replace('db', 'c', { _id: 1, n: 0 }, { _id: 1, n: 1 });
    expect(() => second.replace('db', 'c', { _id: 1, n: 0 }, { _id: 1, n: 2 })).toThrow(
      expect.objectContaining({ code: 112, errorLabels: ['TransientTransactionError'] }) as never,
    );
    first.commit();
    second.abort();
  });

  it('given a commit after the snapshot touched the document, then writing it is a WriteConflict', () => {
    const engine = engineWith([{ _id: 1, n: 0 }]);
    const txn = new Transaction(engine, 1);
    new AutoCommitView(engine).replace('db', 'c', { _id: 1, n: 0 }, { _id: 1, n: 5 });
    expect(() => txn.remove('db', 'c', { _id: 1, n: 0 })).toThrow(
      expect.objectContaining({ code: 112 }) as never,
    );
    txn.abort();
  });

  it('given a document locked by a transaction, then an auto-commit write waits until the transaction ends', async () => {
    const engine = engineWith([{ _id: 1 }]);
    const txn = new Transaction(engine, 1);
    txn.replace('db', 'c', { _id: 1 }, { _id: 1, by: 'txn' });
    let blocked: unknown;
    try {
      new AutoCommitView(engine).replace('db', 'c', { _id: 1 }, { _id: 1, by: 'other' });
    } catch (error) {
      blocked = error;
    }
    expect(blocked).toBeInstanceOf(WriteBlockedError);
    txn.commit();
    await (blocked as WriteBlockedError).until;
    expect(engine.lockOf('db.c', 'n1')).toBeUndefined();
  });

  it('given an abort, then no write is applied and pre-images are released', () => {
    const engine = engineWith([{ _id: 1 }]);
    const txn = new Transaction(engine, 1);
    txn.remove('db', 'c', { _id: 1 });
    new AutoCommitView(engine).insert('db', 'c', { _id: 2 });
    txn.abort();
    expect(new AutoCommitView(engine).match('db', 'c', {}).docs).toEqual([{ _id: 1 }, { _id: 2 }]);
    expect(engine.collection('db', 'c')!.undo.size).toBe(0);
  });
});
