import { constants } from 'node:fs';
import { link, mkdir, open, readFile, readdir, rename, truncate, unlink } from 'node:fs/promises';

/** An open file the journal appends to. */
export interface AppendHandle {
  /** Writes the whole buffer at the end of the file (loops over short writes). */
  append(data: Uint8Array): Promise<void>;
  /** Flushes written data (and the size it implies) to stable storage. */
  datasync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The few file operations durability needs. It is a seam so unit tests can count fsyncs,
 * hold an fsync in flight, or fail one, without touching the real disk semantics.
 */
export interface DurableFileSystem {
  openForAppend(path: string): Promise<AppendHandle>;
  ensureDirectory(dir: string): Promise<void>;
  /** Creates `path` with its contents in one step, or fails with EEXIST. */
  createExclusive(path: string, contents: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  readTextFile(path: string): Promise<string>;
  list(dir: string): Promise<string[]>;
  remove(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  truncate(path: string, length: number): Promise<void>;
  /** Makes creations, renames and deletions inside `dir` durable. */
  syncDirectory(dir: string): Promise<void>;
}

export const nodeFileSystem: DurableFileSystem = {
  async openForAppend(path) {
    const handle = await open(
      path,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
      0o644,
    );
    return {
      async append(data) {
        let offset = 0;
        while (offset < data.byteLength) {
          const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
          offset += bytesWritten;
        }
      },
      datasync: () => handle.datasync(),
      close: () => handle.close(),
    };
  },
  async ensureDirectory(dir) {
    await mkdir(dir, { recursive: true });
  },
  async createExclusive(path, contents) {
    // Write a private file, then hard-link it into place: link fails with EEXIST if the path
    // exists, and nobody can ever observe the file without its contents.
    const draft = `${path}.${process.pid}.draft`;
    const handle = await open(draft, 'w', 0o644);
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(draft, path);
    } finally {
      await unlink(draft);
    }
  },
  readFile: (path) => readFile(path),
  readTextFile: (path) => readFile(path, 'utf8'),
  list: (dir) => readdir(dir),
  remove: (path) => unlink(path),
  rename: (from, to) => rename(from, to),
  async truncate(path, length) {
    await truncate(path, length);
    const handle = await open(path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async syncDirectory(dir) {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
