import { Decimal128, Long, ObjectId } from 'bson';
import {
  appendFile,
  copyFile,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FRAME_HEADER_BYTES } from './frame-codec.js';
import { nodeFileSystem, type DurableFileSystem } from './file-system.js';
import {
  DataDirectoryLockedError,
  JournalCorruptionError,
  openDurableStore,
  type JournalRecord,
  type SnapshotState,
} from './durable-store.js';

const put = (id: number, extra: object = {}): JournalRecord => ({
  ops: [{ op: 'put', db: 'heli', coll: 'staff', doc: { _id: id, ...extra } }],
});
const stateWith = (...ids: number[]): SnapshotState => ({
  databases: [
    {
      name: 'heli',
      collections: [
        {
          name: 'staff',
          options: {},
          indexes: [{ name: '_id_', key: { _id: 1 } }],
          docs: ids.map((id) => ({ _id: id })),
        },
      ],
    },
  ],
});

function recordingLogger() {
  const warnings: Array<{ o: object; m?: string }> = [];
  return {
    warnings,
    logger: { info() {}, warn: (o: object, m?: string) => warnings.push({ o, m }), error() {} },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'durable-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const files = async () => (await readdir(dir)).sort();
const onlySegment = async () => {
  const segments = (await files()).filter((name) => name.endsWith('.wal'));
  expect(segments).toHaveLength(1);
  return join(dir, segments[0]!);
};

describe('durable store', () => {
  it('given an empty directory, when opened, then it recovers nothing', async () => {
    const store = await openDurableStore({ dir: join(dir, 'nested', 'data') });
    expect(await store.recover()).toEqual({ snapshot: null, records: [] });
    await store.close();
  });

  it('given acknowledged appends, when reopened, then every record comes back in commit order with BSON types intact', async () => {
    const store = await openDurableStore({ dir });
    await store.recover();
    const id = new ObjectId();
    const typed = put(0, {
      id,
      at: new Date(0),
      big: Long.fromString('9223372036854775807'),
      money: Decimal128.fromString('1.10'),
    });
    await Promise.all([
      store.append(typed),
      store.append(put(1)),
      store.append({ ops: [{ op: 'del', db: 'heli', coll: 'staff', id: 1 }] }),
    ]);
    await store.close();

    const reopened = await openDurableStore({ dir });
    const { snapshot, records } = await reopened.recover();

    expect(snapshot).toBeNull();
    expect(records).toEqual([
      typed,
      put(1),
      { ops: [{ op: 'del', db: 'heli', coll: 'staff', id: 1 }] },
    ]);
    await reopened.close();
  });

  it('given a torn record at the journal tail, when reopened, then it is truncated, logged with its offset, and writing continues', async () => {
    const store = await openDurableStore({ dir });
    await store.append(put(1));
    await store.append(put(2));
    await store.close();
    const segment = await onlySegment();
    const intactBytes = (await stat(segment)).size;
    await appendFile(segment, Buffer.alloc(FRAME_HEADER_BYTES + 3, 0xab));
    const { warnings, logger } = recordingLogger();

    const reopened = await openDurableStore({ dir, logger });

    expect((await reopened.recover()).records).toEqual([put(1), put(2)]);
    expect((await stat(segment)).size).toBe(intactBytes);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.o).toMatchObject({
      offset: intactBytes,
      truncatedBytes: FRAME_HEADER_BYTES + 3,
    });
    expect(warnings[0]?.m).toContain(`byte ${intactBytes}`);
    await reopened.append(put(3));
    await reopened.close();

    const again = await openDurableStore({ dir });
    expect((await again.recover()).records).toEqual([put(1), put(2), put(3)]);
    await again.close();
  });

  it('given a corrupt record followed by valid ones, when opened, then it refuses to start and leaves the directory unlocked', async () => {
    const store = await openDurableStore({ dir });
    for (const id of [1, 2, 3]) await store.append(put(id));
    await store.close();
    const segment = await onlySegment();
    const bytes = await readFile(segment);
    const secondRecordPayload = bytes.byteLength / 3 + FRAME_HEADER_BYTES + 2;
    bytes[secondRecordPayload]! ^= 0xff;
    await writeFile(segment, bytes);

    await expect(openDurableStore({ dir })).rejects.toBeInstanceOf(JournalCorruptionError);
    await expect(openDurableStore({ dir })).rejects.toThrow(
      /fails its check \(checksum mismatch\) but a valid record follows/,
    );
    expect(await files()).not.toContain('embedded-mongo.lock');
  });

  it('given a snapshot call followed at once by another append, when reopened, then the snapshot holds the earlier records and the journal only the later', async () => {
    const store = await openDurableStore({ dir });
    await store.append(put(1));
    await store.append(put(2));

    const snapshotWritten = store.writeSnapshot(stateWith(1, 2));
    const laterAppend = store.append(put(3));
    await Promise.all([snapshotWritten, laterAppend]);
    await store.close();

    expect(await files()).toEqual([
      'journal-00000000000000000003.wal',
      'snapshot-00000000000000000002.snap',
    ]);
    const reopened = await openDurableStore({ dir });
    expect(await reopened.recover()).toEqual({ snapshot: stateWith(1, 2), records: [put(3)] });
    await reopened.close();
  });

  it('given a crash after the snapshot was renamed but before old segments were deleted, when reopened, then covered records are not replayed', async () => {
    const first = await openDurableStore({ dir });
    await first.append(put(1));
    await first.close();
    const oldSegment = await onlySegment();
    await copyFile(oldSegment, join(dir, 'saved'));
    const second = await openDurableStore({ dir });
    await second.writeSnapshot(stateWith(1));
    await second.append(put(2));
    await second.close();
    await copyFile(join(dir, 'saved'), oldSegment);
    await rm(join(dir, 'saved'));

    const reopened = await openDurableStore({ dir });

    expect(await reopened.recover()).toEqual({ snapshot: stateWith(1), records: [put(2)] });
    expect(await files()).toEqual([
      'embedded-mongo.lock',
      'journal-00000000000000000002.wal',
      'snapshot-00000000000000000001.snap',
    ]);
    await reopened.close();
  });

  it('given a snapshot interrupted while its temporary file was written, when reopened, then the temporary file is discarded', async () => {
    const store = await openDurableStore({ dir });
    await store.append(put(1));
    await store.close();
    await writeFile(join(dir, 'snapshot-00000000000000000001.snap.tmp'), 'half a snapshot');

    const reopened = await openDurableStore({ dir });

    expect(await reopened.recover()).toEqual({ snapshot: null, records: [put(1)] });
    expect(await files()).not.toContain('snapshot-00000000000000000001.snap.tmp');
    await reopened.close();
  });

  it('given two snapshots in a row, when reopened, then the newer one wins and the older files are gone', async () => {
    const store = await openDurableStore({ dir });
    await store.append(put(1));
    const firstSnapshot = store.writeSnapshot(stateWith(1));
    const append2 = store.append(put(2));
    const secondSnapshot = store.writeSnapshot(stateWith(1, 2));
    await Promise.all([firstSnapshot, append2, secondSnapshot]);
    await store.close();

    expect(await files()).toEqual([
      'journal-00000000000000000003.wal',
      'snapshot-00000000000000000002.snap',
    ]);
    const reopened = await openDurableStore({ dir });
    expect(await reopened.recover()).toEqual({ snapshot: stateWith(1, 2), records: [] });
    await reopened.close();
  });

  it('given journal records whose snapshot is missing, when opened, then it refuses naming the missing range', async () => {
    const store = await openDurableStore({ dir });
    await store.append(put(1));
    await store.writeSnapshot(stateWith(1));
    await store.append(put(2));
    await store.close();
    await rm(join(dir, 'snapshot-00000000000000000001.snap'));

    await expect(openDurableStore({ dir })).rejects.toThrow(
      /missing records 1\.\.1: the journal starts at journal-00000000000000000002\.wal but there is no snapshot/,
    );
  });

  it('given a small compaction threshold, when the journal grows past it, then compaction is needed until a snapshot rotates it', async () => {
    const store = await openDurableStore({ dir, compactionThresholdBytes: 200 });
    expect(store.needsCompaction()).toBe(false);
    for (let id = 0; id < 5; id++) await store.append(put(id, { padding: 'x'.repeat(40) }));
    expect(store.needsCompaction()).toBe(true);
    await store.close();

    const reopened = await openDurableStore({ dir, compactionThresholdBytes: 200 });
    expect(reopened.needsCompaction()).toBe(true);
    const snapshot = reopened.writeSnapshot(stateWith(0, 1, 2, 3, 4));
    expect(reopened.needsCompaction()).toBe(false);
    await snapshot;
    await reopened.close();
  });

  it('given 32 concurrent appends through the store, when acknowledged, then they needed far fewer fsyncs than records', async () => {
    let fsyncs = 0;
    const counting: DurableFileSystem = {
      ...nodeFileSystem,
      async openForAppend(path, options) {
        const handle = await nodeFileSystem.openForAppend(path, options);
        return { ...handle, datasync: () => (fsyncs++, handle.datasync()) };
      },
    };
    const store = await openDurableStore({ dir }, counting);

    await Promise.all(Array.from({ length: 32 }, (_, id) => store.append(put(id))));

    expect(fsyncs).toBeLessThan(32);
    await store.close();
    const reopened = await openDurableStore({ dir });
    expect((await reopened.recover()).records).toHaveLength(32);
    await reopened.close();
  });

  it('given an open store, when a second store opens the same directory, then it is refused with a clear error', async () => {
    const store = await openDurableStore({ dir });

    await expect(openDurableStore({ dir })).rejects.toBeInstanceOf(DataDirectoryLockedError);
    await expect(openDurableStore({ dir })).rejects.toThrow(
      /is in use by another embedded-mongo server/,
    );
    await store.close();
  });

  it('given a closed store, when appending, then it is rejected', async () => {
    const store = await openDurableStore({ dir });
    await store.close();
    await expect(store.append(put(1))).rejects.toThrow(/closed/);
  });
});
