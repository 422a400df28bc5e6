import { describe, expect, it } from 'vitest';
import { MongoCommandError } from '../errors/mongo-error.js';
import { silentLogger } from '../logger.js';
import { AutoCommitView } from '../storage/autocommit-view.js';
import { Engine } from '../storage/engine.js';
import { WriteBlockedError } from '../storage/write-blocked-error.js';
import { Transaction } from './transaction.js';

type Value = number | undefined;

/** What a transaction must see and may do, per the snapshot-isolation rules. */
type ModelTxn = {
  txn: Transaction;
  snapshot: Map<number, Value>;
  own: Map<number, Value>;
  startedAt: number;
};

const KEYS = [1, 2, 3, 4, 5];

function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function readAll(view: AutoCommitView | Transaction): Map<number, Value> {
  const out = new Map<number, Value>();
  for (const doc of view.match('db', 'c', {}).docs) out.set(doc._id as number, doc.v as number);
  return out;
}

function visible(state: Map<number, Value>): Map<number, Value> {
  return new Map([...state].filter(([, v]) => v !== undefined));
}

describe('snapshot isolation under random interleavings', () => {
  for (const seed of [1, 7, 42, 1234, 99991]) {
    it(`given seed ${seed}, then every read matches the model and conflicts are exactly the predicted ones`, () => {
      const random = prng(seed);
      const engine = new Engine(undefined, silentLogger);
      const committed = new Map<number, Value>();
      const lastCommit = new Map<number, number>();
      let clock = 0;
      const open: ModelTxn[] = [];

      const lockedBy = (key: number): ModelTxn | undefined => open.find((t) => t.own.has(key));

      for (let step = 0; step < 400; step++) {
        const roll = random();
        const key = KEYS[Math.floor(random() * KEYS.length)]!;
        const value = Math.floor(random() * 1000);
        if (roll < 0.25) {
          // auto-commit write (insert, replace or delete)
          const view = new AutoCommitView(engine);
          const current = committed.get(key);
          const remove = current !== undefined && random() < 0.3;
          try {
            if (current === undefined) view.insert('db', 'c', { _id: key, v: value });
            else if (remove) view.remove('db', 'c', { _id: key, v: current });
            else view.replace('db', 'c', { _id: key, v: current }, { _id: key, v: value });
            expect(lockedBy(key)).toBeUndefined();
            committed.set(key, remove ? undefined : value);
            lastCommit.set(key, ++clock);
          } catch (error) {
            expect(error).toBeInstanceOf(WriteBlockedError);
            expect(lockedBy(key)).toBeDefined();
          }
        } else if (roll < 0.4 && open.length < 3) {
          open.push({
            txn: new Transaction(engine, step),
            snapshot: new Map(committed),
            own: new Map(),
            startedAt: clock,
          });
        } else if (roll < 0.7 && open.length > 0) {
          const t = open[Math.floor(random() * open.length)]!;
          const seen = t.own.has(key) ? t.own.get(key) : t.snapshot.get(key);
          const conflict =
            (lockedBy(key) !== undefined && lockedBy(key) !== t) ||
            (lastCommit.get(key) ?? 0) > t.startedAt;
          try {
            if (seen === undefined) t.txn.insert('db', 'c', { _id: key, v: value });
            else t.txn.replace('db', 'c', { _id: key, v: seen }, { _id: key, v: value });
            expect(conflict).toBe(false);
            t.own.set(key, value);
          } catch (error) {
            expect(error).toBeInstanceOf(MongoCommandError);
            expect((error as MongoCommandError).code).toBe(112);
            expect(conflict).toBe(true);
            t.txn.abort();
            open.splice(open.indexOf(t), 1);
          }
        } else if (roll < 0.85 && open.length > 0) {
          const t = open[Math.floor(random() * open.length)]!;
          expect(readAll(t.txn)).toEqual(visible(new Map([...t.snapshot, ...t.own])));
        } else if (open.length > 0) {
          const t = open.shift()!;
          if (random() < 0.7) {
            t.txn.commit();
            clock++;
            for (const [k, v] of t.own) {
              committed.set(k, v);
              lastCommit.set(k, clock);
            }
          } else {
            t.txn.abort();
          }
        }
        expect(readAll(new AutoCommitView(engine))).toEqual(visible(committed));
      }
      for (const t of open) t.txn.abort();
      expect(engine.collection('db', 'c')?.undo.size ?? 0).toBe(0);
    });
  }
});
