import { hostname } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE_NAME } from './data-dir-layout.js';
import { DataDirectoryLockedError } from './errors.js';
import type { DurableFileSystem } from './file-system.js';

type LockOwner = { pid: number; hostname: string; since: string };

export type DataDirLock = { release(): Promise<void> };

// Directories this process holds. A lock file naming our own pid but absent here was left by
// an earlier process that happened to get the same pid (common for pid 1 in containers).
const heldByThisProcess = new Set<string>();

/**
 * Takes the data directory's lock file, so two servers never write the same journal. A lock
 * left behind by a process that no longer runs (e.g. after kill -9) is taken over.
 */
export async function acquireDataDirLock(
  fs: DurableFileSystem,
  dir: string,
  isProcessAlive: (pid: number) => boolean = processIsAlive,
): Promise<DataDirLock> {
  const path = join(dir, LOCK_FILE_NAME);
  if (heldByThisProcess.has(path)) throw lockedError(dir, path, process.pid);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.createExclusive(path, JSON.stringify(owner));
      heldByThisProcess.add(path);
      return {
        async release() {
          heldByThisProcess.delete(path);
          await fs.remove(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readOwner(fs, path);
      // Our own pid without an entry in heldByThisProcess means an earlier process left it.
      const stale = holder === null || holder.pid === process.pid || !isProcessAlive(holder.pid);
      if (!stale) throw lockedError(dir, path, holder.pid);
      await fs.remove(path).catch(ignoreMissing);
    }
  }
  throw new DataDirectoryLockedError(
    `could not take the lock ${path}: another process keeps recreating it`,
  );
}

function lockedError(dir: string, path: string, pid: number): DataDirectoryLockedError {
  return new DataDirectoryLockedError(
    `data directory ${dir} is in use by another embedded-mongo server (process ${pid}, lock file ${path}). ` +
      `Stop that server or choose another data directory; if no such process runs, delete the lock file.`,
  );
}

async function readOwner(fs: DurableFileSystem, path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await fs.readTextFile(path)) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? (owner as LockOwner) : null;
  } catch {
    // createExclusive publishes the file complete, so an unreadable one is damaged: nobody owns it.
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
