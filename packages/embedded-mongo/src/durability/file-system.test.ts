import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from './file-system.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-system-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('appending with preallocation', () => {
  it('given appends, when the file is open, then it runs zero-filled ahead of the data, and closing trims it to the data', async () => {
    const path = join(dir, 'segment.wal');
    const file = await nodeFileSystem.openForAppend(path, { preallocateBytes: 1024 });
    await file.append(Buffer.from('first,'));
    await file.append(Buffer.from('second'));
    await file.datasync();

    const open = await readFile(path);
    // The first append extended the file to its own end plus the room: 6 + 1024 bytes.
    expect(open.byteLength).toBe(6 + 1024);
    expect(open.subarray(0, 12).toString()).toBe('first,second');
    expect(open.subarray(12).every((byte) => byte === 0)).toBe(true);

    await file.close();
    expect(await readFile(path, 'utf8')).toBe('first,second');
  });

  it('given more data than the room ahead, when appended, then the file grows past it and keeps every byte in order', async () => {
    const path = join(dir, 'segment.wal');
    const file = await nodeFileSystem.openForAppend(path, { preallocateBytes: 16 });
    const chunks = Array.from({ length: 20 }, (_, i) => Buffer.from(`chunk ${i};`));
    for (const chunk of chunks) await file.append(chunk);
    await file.close();

    expect(await readFile(path, 'utf8')).toBe(Buffer.concat(chunks).toString());
  });

  it('given a file reopened after close, when appended, then the new data follows the old', async () => {
    const path = join(dir, 'segment.wal');
    const first = await nodeFileSystem.openForAppend(path, { preallocateBytes: 64 });
    await first.append(Buffer.from('old;'));
    await first.close();
    const second = await nodeFileSystem.openForAppend(path, { preallocateBytes: 64 });
    await second.append(Buffer.from('new'));
    await second.close();

    expect(await readFile(path, 'utf8')).toBe('old;new');
    expect((await stat(path)).size).toBe(7);
  });
});
