import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock.js';
import { LOCK_FILE_NAME } from './data-dir-layout.js';
import { DataDirectoryLockedError } from './errors.js';
import { nodeFileSystem } from './file-system.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'data-dir-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lockPath = () => join(dir, LOCK_FILE_NAME);
const writeLockOf = (pid: number) =>
  writeFile(lockPath(), JSON.stringify({ pid, hostname: 'h', since: 'then' }));

describe('data directory lock', () => {
  it('given a free directory, when locked, then the lock file names this process until released', async () => {
    const lock = await acquireDataDirLock(nodeFileSystem, dir);
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });

    await lock.release();
    await expect(readFile(lockPath())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('given this process already holds the directory, when locking it again, then it is refused', async () => {
    const lock = await acquireDataDirLock(nodeFileSystem, dir);
    await expect(acquireDataDirLock(nodeFileSystem, dir)).rejects.toBeInstanceOf(
      DataDirectoryLockedError,
    );
    await lock.release();
  });

  it('given a lock held by another live process, when locking, then it is refused with a message naming it', async () => {
    await writeLockOf(4321);

    const attempt = acquireDataDirLock(nodeFileSystem, dir, (pid) => pid === 4321);

    await expect(attempt).rejects.toThrow(
      new RegExp(
        `data directory ${dir} is in use by another embedded-mongo server \\(process 4321, lock file`,
      ),
    );
  });

  it('given a lock left by a process that died (kill -9), when locking, then it is taken over', async () => {
    await writeLockOf(4321);

    const lock = await acquireDataDirLock(nodeFileSystem, dir, () => false);

    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('given a lock naming our pid that this process never took, when locking, then it counts as left by an earlier process', async () => {
    await writeLockOf(process.pid);

    const lock = await acquireDataDirLock(nodeFileSystem, dir, () => true);

    await lock.release();
  });
});
