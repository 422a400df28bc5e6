import { setImmediate as afterThisTurnsIo } from 'node:timers/promises';
import { DurableStoreClosedError, JournalWriteError } from './errors.js';
import type { AppendHandle, AppendOptions, DurableFileSystem } from './file-system.js';

type Settle = { resolve(): void; reject(error: Error): void };
type QueuedFrame = Settle & { kind: 'frame'; bytes: Buffer };
type QueuedRotation = Settle & { kind: 'rotation'; path: string; dir: string };
type QueueEntry = QueuedFrame | QueuedRotation;

/** Segments stay zero-filled 1 MiB ahead of their records (see AppendOptions). */
const SEGMENT_OPTIONS: AppendOptions = { preallocateBytes: 1 << 20 };

/**
 * The append side of the journal. Frames are acknowledged only after write + fdatasync. While
 * one write+fsync is in flight, further frames queue up and all of them share the next
 * write+fsync (group commit), so N concurrent writers cost far fewer than N fsyncs.
 *
 * Each round starts in the event loop's check phase, after the turn's I/O callbacks, so every
 * request read from the sockets in one turn joins the same batch. The write and fdatasync of the
 * node file system then block the loop (the preallocated handle's do), as Redis does with
 * `appendfsync always`: meanwhile requests pile up in the socket buffers and make the next batch
 * bigger, and there are no thread-pool hand-offs. Measured with 32 writers on 2 cores, that
 * carried ~25% more durable inserts/s than the thread pool's fdatasync, with less CPU on both
 * sides; the cost is that nothing else runs during an fsync (~0.1 ms here). See ADR 026.
 *
 * Rotations are queued in line with frames: every frame queued before a rotation lands in the
 * old segment and is fsynced before the new segment is created.
 */
export class GroupCommitJournal {
  private readonly queue: QueueEntry[] = [];
  private draining = false;
  private failure: JournalWriteError | null = null;
  private closed = false;
  private drained: Promise<void> = Promise.resolve();
  private markDrained: () => void = () => {};

  private constructor(
    private readonly fs: DurableFileSystem,
    private handle: AppendHandle,
  ) {}

  static async open(fs: DurableFileSystem, segmentPath: string): Promise<GroupCommitJournal> {
    return new GroupCommitJournal(fs, await fs.openForAppend(segmentPath, SEGMENT_OPTIONS));
  }

  /** Resolves once the frame is on disk. */
  append(bytes: Buffer): Promise<void> {
    return this.enqueue((settle) => ({ kind: 'frame', bytes, ...settle }));
  }

  /**
   * Switches to a new segment file after everything queued so far; resolves once the old
   * segment is fsynced and closed and the new file's directory entry is durable.
   */
  rotate(path: string, dir: string): Promise<void> {
    return this.enqueue((settle) => ({ kind: 'rotation', path, dir, ...settle }));
  }

  /** Waits for queued frames to reach the disk, then closes the segment. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.drained;
    try {
      await this.handle.close();
    } catch (error) {
      // After a failed rotation the handle may already be closed; the failure was reported then.
      if (!this.failure) throw error;
    }
  }

  private enqueue(build: (settle: Settle) => QueueEntry): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed)
      return Promise.reject(new DurableStoreClosedError('the durable store is closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push(build({ resolve, reject }));
      if (!this.draining) this.startDraining();
    });
  }

  private startDraining(): void {
    this.draining = true;
    this.drained = new Promise((resolve) => (this.markDrained = resolve));
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.failure) {
        await afterThisTurnsIo();
        const head = this.queue[0];
        if (head?.kind === 'rotation') {
          this.queue.shift();
          await this.settle([head], () => this.switchSegment(head));
        } else {
          const batch = this.takeFrameBatch();
          await this.settle(batch, () => this.writeAndSync(batch));
        }
      }
    } finally {
      this.draining = false;
      this.markDrained();
    }
  }

  private takeFrameBatch(): QueuedFrame[] {
    const batch: QueuedFrame[] = [];
    for (let head = this.queue[0]; head?.kind === 'frame'; head = this.queue[0]) {
      batch.push(head);
      this.queue.shift();
    }
    return batch;
  }

  private async writeAndSync(batch: QueuedFrame[]): Promise<void> {
    await this.handle.append(
      batch.length === 1 ? batch[0]!.bytes : Buffer.concat(batch.map((frame) => frame.bytes)),
    );
    await this.handle.datasync();
  }

  private async switchSegment(rotation: QueuedRotation): Promise<void> {
    await this.handle.close();
    this.handle = await this.fs.openForAppend(rotation.path, SEGMENT_OPTIONS);
    await this.fs.syncDirectory(rotation.dir);
  }

  private async settle(entries: Settle[], work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (cause) {
      this.failure = new JournalWriteError(
        'writing the journal failed; the server no longer accepts writes',
        { cause },
      );
      for (const entry of [...entries, ...this.queue.splice(0)]) entry.reject(this.failure);
      return;
    }
    for (const entry of entries) entry.resolve();
  }
}
