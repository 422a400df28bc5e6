import { describe, expect, it } from 'vitest';
import type { DurableStore, JournalRecord, SnapshotState } from '../durability/durable-store.js';
import { silentLogger } from '../logger.js';
import { AutoCommitView } from './autocommit-view.js';
import { Engine } from './engine.js';

/** Records what the engine hands to the journal, like the real store but in memory. */
function recordingStore(
  compactAfter = Infinity,
): DurableStore & { records: JournalRecord[]; snapshots: SnapshotState[] } {
  const records: JournalRecord[] = [];
  const snapshots: SnapshotState[] = [];
  return {
    records,
    snapshots,
    recover: async () => ({ snapshot: null, records: [] }),
    append: async (record) => {
      records.push(record);
    },
    needsCompaction: () => records.length >= compactAfter,
    writeSnapshot: async (state) => {
      snapshots.push(state);
      records.length = 0;
    },
    close: async () => undefined,
  };
}

describe('Engine', () => {
  it('given a write command, then one journal record holds its collection creation and post-images', async () => {
    const store = recordingStore();
    const engine = new Engine(store, silentLogger);
    const view = new AutoCommitView(engine);
    view.insert('db', 'c', { _id: 1, a: 1 });
    const [stored] = view.match('db', 'c', { _id: 1 }).docs;
    view.replace('db', 'c', stored!, { _id: 1, a: 2 });
    view.remove('db', 'c', { _id: 1, a: 2 });
    await view.flush();
    expect(store.records).toEqual([
      {
        ops: [
          { op: 'createCollection', db: 'db', coll: 'c', options: {} },
          { op: 'put', db: 'db', coll: 'c', doc: { _id: 1, a: 1 } },
          { op: 'put', db: 'db', coll: 'c', doc: { _id: 1, a: 2 } },
          { op: 'del', db: 'db', coll: 'c', id: 1 },
        ],
      },
    ]);
  });

  it('given an exported state and the records after it, when replayed into a new engine, then it has the same data and indexes', async () => {
    const store = recordingStore();
    const engine = new Engine(store, silentLogger);
    const view = new AutoCommitView(engine);
    view.insert('db', 'c', { _id: 1, email: 'a' });
    engine.collection('db', 'c')!.addIndex({ name: 'email_1', key: { email: 1 }, unique: true });
    const state = engine.exportState();
    view.insert('db', 'c', { _id: 2, email: 'b' });
    await view.flush();

    const restored = new Engine(undefined, silentLogger);
    restored.loadSnapshot(state);
    restored.applyRecord({ ops: [store.records[0]!.ops.at(-1)!] });

    const c = restored.collection('db', 'c')!;
    expect([...c.docs.values()]).toEqual([
      { _id: 1, email: 'a' },
      { _id: 2, email: 'b' },
    ]);
    expect(() => new AutoCommitView(restored).insert('db', 'c', { _id: 3, email: 'b' })).toThrow(
      expect.objectContaining({ code: 11000 }) as never,
    );
  });

  it('given the journal needs compaction after a write, then a snapshot of the committed state is written', async () => {
    const store = recordingStore(1);
    const engine = new Engine(store, silentLogger);
    const view = new AutoCommitView(engine);
    view.insert('db', 'c', { _id: 1 });
    await view.flush();
    await engine.close();
    expect(store.snapshots).toHaveLength(1);
    expect(store.snapshots[0]!.databases[0]!.collections[0]!.docs).toEqual([{ _id: 1 }]);
  });

  it('given a stored document, when it is updated, then the exported snapshot still holds the old object unchanged', () => {
    const engine = new Engine(undefined, silentLogger);
    const view = new AutoCommitView(engine);
    view.insert('db', 'c', { _id: 1, list: [1] });
    const snapshot = engine.exportState();
    const [before] = view.match('db', 'c', {}).docs;
    view.replace('db', 'c', before!, { _id: 1, list: [1, 2] });
    expect(snapshot.databases[0]!.collections[0]!.docs).toEqual([{ _id: 1, list: [1] }]);
  });

  it('given views defined, redefined and dropped, then journal replay and a snapshot both restore exactly the views left', async () => {
    const store = recordingStore();
    const engine = new Engine(store, silentLogger);
    const ops: Parameters<Engine['defineView']>[3] = [];
    engine.createCollection('db', 'staff', {}, ops);
    engine.defineView('db', 'active', { viewOn: 'staff', pipeline: [{ $match: { a: 1 } }] }, ops);
    engine.defineView('db', 'gone', { viewOn: 'staff', pipeline: [] }, ops);
    engine.defineView('db', 'active', { viewOn: 'staff', pipeline: [] }, ops);
    engine.dropCollection('db', 'gone', ops);
    await engine.persist(ops);

    const replayed = new Engine(undefined, silentLogger);
    for (const record of store.records) replayed.applyRecord(record);
    const fromSnapshot = new Engine(undefined, silentLogger);
    fromSnapshot.loadSnapshot(engine.exportState());

    for (const restored of [replayed, fromSnapshot]) {
      expect(restored.views.list('db')).toEqual([
        { name: 'active', definition: { viewOn: 'staff', pipeline: [] } },
      ]);
      expect(restored.collections('db').map((c) => c.name)).toEqual(['staff']);
    }
  });

  it('given a view, when a write would create a collection of its name, then 166 and no collection', () => {
    const engine = new Engine(undefined, silentLogger);
    engine.defineView('db', 'v', { viewOn: 'c', pipeline: [] }, []);
    expect(() => new AutoCommitView(engine).insert('db', 'v', { _id: 1 })).toThrow(
      expect.objectContaining({ code: 166 }),
    );
    expect(engine.collection('db', 'v')).toBeUndefined();
  });
});
