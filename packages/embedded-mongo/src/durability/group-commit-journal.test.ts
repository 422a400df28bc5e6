import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalWriteError } from './errors.js';
import { nodeFileSystem, type DurableFileSystem } from './file-system.js';
import { GroupCommitJournal } from './group-commit-journal.js';

/** The real file system, with every call logged and fdatasync optionally held in flight or failed. */
function instrumentedFileSystem() {
  const calls: string[] = [];
  let held: { promise: Promise<void>; release(): void } | null = null;
  let failNextDatasync = false;
  let datasyncStarted: () => void = () => {};
  const fs: DurableFileSystem = {
    ...nodeFileSystem,
    async openForAppend(path, options) {
      calls.push(`open ${path.split('/').at(-1)}`);
      const handle = await nodeFileSystem.openForAppend(path, options);
      return {
        append: async (data) => {
          calls.push(`write ${data.toString()}`);
          await handle.append(data);
        },
        datasync: async () => {
          calls.push('fdatasync');
          datasyncStarted();
          if (held) await held.promise;
          if (failNextDatasync) throw new Error('EIO: i/o error, fdatasync');
          await handle.datasync();
        },
        close: async () => {
          calls.push('close');
          await handle.close();
        },
      };
    },
    async syncDirectory(dir) {
      calls.push('sync directory');
      await nodeFileSystem.syncDirectory(dir);
    },
  };
  return {
    fs,
    calls,
    holdDatasync() {
      let release = () => {};
      held = {
        promise: new Promise<void>((resolve) => (release = resolve)),
        release: () => release(),
      };
      return new Promise<void>((resolve) => (datasyncStarted = resolve));
    },
    releaseDatasync() {
      held?.release();
      held = null;
    },
    failDatasync() {
      failNextDatasync = true;
    },
    fsyncCount: () => calls.filter((call) => call === 'fdatasync').length,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'group-commit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('group commit journal', () => {
  it('given one fsync in flight, when more writers append, then they share the next single write and fsync', async () => {
    const io = instrumentedFileSystem();
    const journal = await GroupCommitJournal.open(io.fs, join(dir, 'journal.wal'));
    const firstInFlight = io.holdDatasync();
    const first = journal.append(Buffer.from('A'));
    await firstInFlight;

    const queued = ['B', 'C', 'D'].map((text) => journal.append(Buffer.from(text)));
    io.releaseDatasync();
    await Promise.all([first, ...queued]);

    expect(io.fsyncCount()).toBe(2);
    expect(io.calls.filter((call) => call.startsWith('write'))).toEqual(['write A', 'write BCD']);
    await journal.close();
    expect(await readFile(join(dir, 'journal.wal'), 'utf8')).toBe('ABCD');
  });

  it('given 32 writers appending in the same tick, when they settle, then one fsync acknowledged them all', async () => {
    const io = instrumentedFileSystem();
    const journal = await GroupCommitJournal.open(io.fs, join(dir, 'journal.wal'));

    await Promise.all(Array.from({ length: 32 }, (_, i) => journal.append(Buffer.from(`${i},`))));

    expect(io.fsyncCount()).toBe(1);
    await journal.close();
  });

  it('given appends from separate callbacks of one event-loop turn, when settled, then they share one write and fsync', async () => {
    const io = instrumentedFileSystem();
    const journal = await GroupCommitJournal.open(io.fs, join(dir, 'journal.wal'));

    // Two callbacks of one phase, as two requests read from two sockets in the same turn are.
    const appends = await new Promise<Promise<void>[]>((resolve) => {
      const made: Promise<void>[] = [];
      setImmediate(() => made.push(journal.append(Buffer.from('A'))));
      setImmediate(() => resolve([...made, journal.append(Buffer.from('B'))]));
    });
    await Promise.all(appends);

    expect(io.calls.filter((call) => call.startsWith('write'))).toEqual(['write AB']);
    expect(io.fsyncCount()).toBe(1);
    await journal.close();
  });

  it('given an append, when its promise resolves, then the fsync covering it has completed', async () => {
    const io = instrumentedFileSystem();
    const journal = await GroupCommitJournal.open(io.fs, join(dir, 'journal.wal'));
    const inFlight = io.holdDatasync();
    let acknowledged = false;
    const append = journal.append(Buffer.from('A')).then(() => (acknowledged = true));
    await inFlight;
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(acknowledged).toBe(false);
    io.releaseDatasync();
    await append;
    expect(acknowledged).toBe(true);
    await journal.close();
  });

  it('given a failing fsync, when appending, then that batch and every later append are rejected', async () => {
    const io = instrumentedFileSystem();
    const journal = await GroupCommitJournal.open(io.fs, join(dir, 'journal.wal'));
    io.failDatasync();

    await expect(journal.append(Buffer.from('A'))).rejects.toBeInstanceOf(JournalWriteError);
    await expect(journal.append(Buffer.from('B'))).rejects.toThrow(/no longer accepts writes/);
    await journal.close();
  });

  it('given appends around a rotation, when settled, then earlier ones are fsynced into the old segment before the new one opens', async () => {
    const io = instrumentedFileSystem();
    const journal = await GroupCommitJournal.open(io.fs, join(dir, 'old.wal'));

    const writes = [
      journal.append(Buffer.from('A')),
      journal.rotate(join(dir, 'new.wal'), dir),
      journal.append(Buffer.from('B')),
    ];
    await Promise.all(writes);
    await journal.close();

    expect(await readFile(join(dir, 'old.wal'), 'utf8')).toBe('A');
    expect(await readFile(join(dir, 'new.wal'), 'utf8')).toBe('B');
    expect(io.calls).toEqual([
      'open old.wal',
      'write A',
      'fdatasync',
      'close',
      'open new.wal',
      'sync directory',
      'write B',
      'fdatasync',
      'close',
    ]);
  });

  it('given pending appends, when closed, then they are written before the file closes', async () => {
    const io = instrumentedFileSystem();
    const journal = await GroupCommitJournal.open(io.fs, join(dir, 'journal.wal'));
    const pending = journal.append(Buffer.from('A'));

    await journal.close();

    await pending;
    expect(await readFile(join(dir, 'journal.wal'), 'utf8')).toBe('A');
    await expect(journal.append(Buffer.from('B'))).rejects.toThrow(/closed/);
  });
});
