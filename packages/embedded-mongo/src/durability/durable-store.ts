import { join } from 'node:path';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { segmentFileName, snapshotFileName, temporaryFileName } from './data-dir-layout.js';
import { recoverDataDir, type RecoveredDataDir } from './data-dir-recovery.js';
import { DurableStoreClosedError } from './errors.js';
import { nodeFileSystem, type DurableFileSystem } from './file-system.js';
import { encodeFrame } from './frame-codec.js';
import { GroupCommitJournal } from './group-commit-journal.js';
import { encodeJournalRecord, type JournalRecord } from './journal-record.js';
import { stderrLogger, type DurabilityLogger } from './logger.js';
import { encodeSnapshot, type SnapshotState } from './snapshot-file.js';

export type { IndexSpec, JournalOp, JournalRecord } from './journal-record.js';
export type { SnapshotState } from './snapshot-file.js';
export type { DurabilityLogger } from './logger.js';
export {
  DataDirectoryLockedError,
  DurableStoreClosedError,
  JournalCorruptionError,
  JournalWriteError,
} from './errors.js';

export interface DurableStore {
  /** The state to start from: the newest snapshot and the records after it, in commit order. */
  recover(): Promise<{ snapshot: SnapshotState | null; records: JournalRecord[] }>;
  /**
   * Resolves only after the record is fsynced. Records reach the disk in call order;
   * concurrent appends share one write+fsync (group commit).
   */
  append(record: JournalRecord): Promise<void>;
  /** True once the journal written since the last snapshot passed the compaction threshold. */
  needsCompaction(): boolean;
  /**
   * Writes `state` as the new snapshot and then deletes the journal it replaces. The journal
   * is rotated synchronously on call, so `state` must reflect exactly the records appended
   * before this call: capture it and call this in the same synchronous step, with no write
   * applied in between. Records appended afterwards land in the new segment.
   */
  writeSnapshot(state: SnapshotState): Promise<void>;
  /** Waits for pending appends and snapshots, then releases the data directory. */
  close(): Promise<void>;
}

export type DurableStoreOptions = {
  dir: string;
  logger?: DurabilityLogger;
  /** Journal bytes since the last snapshot after which needsCompaction() turns true; default 64 MB. */
  compactionThresholdBytes?: number;
};

const DEFAULT_COMPACTION_THRESHOLD_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating if needed) a data directory: takes its lock, recovers its contents and
 * readies the journal for appends. `fileSystem` is a seam for tests.
 */
export async function openDurableStore(
  opts: DurableStoreOptions,
  fileSystem: DurableFileSystem = nodeFileSystem,
): Promise<DurableStore> {
  const logger = opts.logger ?? stderrLogger;
  await fileSystem.ensureDirectory(opts.dir);
  const lock = await acquireDataDirLock(fileSystem, opts.dir);
  try {
    const recovered = await recoverDataDir(fileSystem, opts.dir, logger);
    const store = await JournalStore.open(fileSystem, opts, logger, lock, recovered);
    logger.info(
      {
        dir: opts.dir,
        snapshot: recovered.snapshotFile?.name ?? null,
        journalRecords: recovered.records.length,
        lastSeq: String(recovered.lastSeq),
      },
      'data directory recovered',
    );
    return store;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

type Segment = { name: string; firstSeq: bigint };

class JournalStore implements DurableStore {
  private lastSeq: bigint;
  /** The segment appended to; the older ones in segmentsOnDisk go once a snapshot covers them. */
  private currentSegment: Segment;
  private segmentsOnDisk: Segment[];
  private snapshotsOnDisk: string[];
  private bytesSinceRotation: number;
  private snapshotChain: Promise<void> = Promise.resolve();
  private recovered: RecoveredDataDir | null;
  private closed = false;

  private constructor(
    private readonly fs: DurableFileSystem,
    private readonly dir: string,
    private readonly logger: DurabilityLogger,
    private readonly compactionThresholdBytes: number,
    private readonly lock: DataDirLock,
    private readonly journal: GroupCommitJournal,
    recovered: RecoveredDataDir,
    currentSegment: Segment,
  ) {
    this.recovered = recovered;
    this.lastSeq = recovered.lastSeq;
    this.currentSegment = currentSegment;
    this.segmentsOnDisk = recovered.segments.map(({ name, firstSeq }) => ({ name, firstSeq }));
    if (!this.segmentsOnDisk.some((segment) => segment.name === currentSegment.name)) {
      this.segmentsOnDisk.push(currentSegment);
    }
    this.snapshotsOnDisk = recovered.snapshotFile ? [recovered.snapshotFile.name] : [];
    this.bytesSinceRotation = recovered.segments.reduce((sum, segment) => sum + segment.bytes, 0);
  }

  static async open(
    fs: DurableFileSystem,
    opts: DurableStoreOptions,
    logger: DurabilityLogger,
    lock: DataDirLock,
    recovered: RecoveredDataDir,
  ): Promise<JournalStore> {
    // Keep appending to the last segment when it continues the sequence; otherwise (no
    // segment yet, or the snapshot reaches past it) start a segment at the next number.
    const last = recovered.segments.at(-1);
    const continuesLast = last !== undefined && last.nextSeq === recovered.lastSeq + 1n;
    const segment = continuesLast
      ? last
      : { name: segmentFileName(recovered.lastSeq + 1n), firstSeq: recovered.lastSeq + 1n };
    const journal = await GroupCommitJournal.open(fs, join(opts.dir, segment.name));
    if (!continuesLast) await fs.syncDirectory(opts.dir);
    const threshold = opts.compactionThresholdBytes ?? DEFAULT_COMPACTION_THRESHOLD_BYTES;
    return new JournalStore(fs, opts.dir, logger, threshold, lock, journal, recovered, segment);
  }

  async recover(): Promise<{ snapshot: SnapshotState | null; records: JournalRecord[] }> {
    if (!this.recovered) throw new Error('recover() may be called once, before the first append');
    const { snapshot, records } = this.recovered;
    // Hand the recovered state over once; the server owns it from here on.
    this.recovered = null;
    return { snapshot, records: records.map((entry) => entry.record) };
  }

  append(record: JournalRecord): Promise<void> {
    if (this.closed)
      return Promise.reject(new DurableStoreClosedError('the durable store is closed'));
    let payload: Buffer;
    try {
      payload = encodeJournalRecord(record);
    } catch (error) {
      return Promise.reject(error);
    }
    this.recovered = null;
    this.lastSeq += 1n;
    const frame = encodeFrame(this.lastSeq, payload);
    this.bytesSinceRotation += frame.byteLength;
    return this.journal.append(frame);
  }

  needsCompaction(): boolean {
    return this.bytesSinceRotation >= this.compactionThresholdBytes;
  }

  writeSnapshot(state: SnapshotState): Promise<void> {
    if (this.closed)
      return Promise.reject(new DurableStoreClosedError('the durable store is closed'));
    const coveredSeq = this.lastSeq;
    let frames: Buffer[];
    try {
      frames = encodeSnapshot(state, coveredSeq);
    } catch (error) {
      return Promise.reject(error);
    }
    const rotation = this.rotateIfSegmentHasRecords();
    const written = this.snapshotChain.then(async () => {
      await rotation;
      await this.writeSnapshotFile(coveredSeq, frames);
      await this.deleteFilesBefore(coveredSeq);
    });
    // A failed snapshot leaves the journal in place, so the next one still covers everything.
    this.snapshotChain = written.catch(() => {});
    return written;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.journal.close();
      await this.snapshotChain;
    } finally {
      await this.lock.release();
    }
  }

  private rotateIfSegmentHasRecords(): Promise<void> {
    if (this.lastSeq < this.currentSegment.firstSeq) return Promise.resolve();
    const next = { name: segmentFileName(this.lastSeq + 1n), firstSeq: this.lastSeq + 1n };
    this.currentSegment = next;
    this.segmentsOnDisk.push(next);
    this.bytesSinceRotation = 0;
    return this.journal.rotate(join(this.dir, next.name), this.dir);
  }

  private async writeSnapshotFile(coveredSeq: bigint, frames: Buffer[]): Promise<void> {
    const name = snapshotFileName(coveredSeq);
    const draftPath = join(this.dir, temporaryFileName(name));
    await this.fs.remove(draftPath).catch(() => {});
    const draft = await this.fs.openForAppend(draftPath);
    try {
      for (const frame of frames) await draft.append(frame);
      await draft.datasync();
    } finally {
      await draft.close();
    }
    await this.fs.rename(draftPath, join(this.dir, name));
    await this.fs.syncDirectory(this.dir);
    if (!this.snapshotsOnDisk.includes(name)) this.snapshotsOnDisk.push(name);
    this.logger.info({ file: name, coveredSeq: String(coveredSeq) }, 'snapshot written');
  }

  /** Deletes segments and snapshots that the snapshot covering `coveredSeq` makes redundant. */
  private async deleteFilesBefore(coveredSeq: bigint): Promise<void> {
    const keptSnapshot = snapshotFileName(coveredSeq);
    const redundantSnapshots = this.snapshotsOnDisk.filter((name) => name < keptSnapshot);
    // A segment is redundant when the one after it starts within the snapshot.
    const deletable = this.segmentsOnDisk.filter((segment, index) => {
      const following = this.segmentsOnDisk[index + 1];
      return following !== undefined && following.firstSeq <= coveredSeq + 1n;
    });
    for (const segment of deletable) await this.fs.remove(join(this.dir, segment.name));
    for (const name of redundantSnapshots) await this.fs.remove(join(this.dir, name));
    this.segmentsOnDisk = this.segmentsOnDisk.filter((segment) => !deletable.includes(segment));
    this.snapshotsOnDisk = this.snapshotsOnDisk.filter(
      (name) => !redundantSnapshots.includes(name),
    );
    await this.fs.syncDirectory(this.dir);
  }
}
