import { join } from 'node:path';
import { parseDataDirListing, type SegmentFile, type SnapshotFile } from './data-dir-layout.js';
import { JournalCorruptionError } from './errors.js';
import type { DurableFileSystem } from './file-system.js';
import { scanSegment, type SequencedRecord } from './journal-segment-scan.js';
import type { DurabilityLogger } from './logger.js';
import { decodeSnapshot, type SnapshotState } from './snapshot-file.js';

export type RecoveredDataDir = {
  snapshot: SnapshotState | null;
  /** The newest snapshot file left on disk, if any. */
  snapshotFile: SnapshotFile | null;
  /** Records after the snapshot, in sequence order. */
  records: SequencedRecord[];
  /** The highest sequence number the snapshot or the journal holds (0 for an empty directory). */
  lastSeq: bigint;
  /** Journal segments still needed, oldest first, with their sizes after any truncation. */
  segments: Array<SegmentFile & { bytes: number; nextSeq: bigint }>;
};

/**
 * Brings a data directory back to the last consistent state: the newest snapshot plus the
 * journal records after it. A torn tail on the last segment is truncated and logged; any
 * other damage throws JournalCorruptionError. Files made obsolete by the snapshot are
 * deleted only after everything needed has been read successfully.
 */
export async function recoverDataDir(
  fs: DurableFileSystem,
  dir: string,
  logger: DurabilityLogger,
): Promise<RecoveredDataDir> {
  const listing = parseDataDirListing(await fs.list(dir));
  const obsolete: string[] = [...listing.temporaries];

  const snapshotFile = listing.snapshots.at(-1) ?? null;
  obsolete.push(...listing.snapshots.slice(0, -1).map((file) => file.name));
  const decoded = snapshotFile
    ? decodeSnapshot(await fs.readFile(join(dir, snapshotFile.name)), snapshotFile.name)
    : null;
  const coveredSeq = decoded?.coveredSeq ?? 0n;

  // A segment is wholly inside the snapshot when the segment after it starts no later than
  // the first record the snapshot lacks.
  const live = listing.segments.filter((segment, index) => {
    const next = listing.segments[index + 1];
    const covered = next !== undefined && next.firstSeq <= coveredSeq + 1n;
    if (covered) obsolete.push(segment.name);
    return !covered;
  });

  const records: SequencedRecord[] = [];
  const segments: RecoveredDataDir['segments'] = [];
  let expectedSeq = live[0]?.firstSeq ?? coveredSeq + 1n;
  if (expectedSeq > coveredSeq + 1n) {
    throw new JournalCorruptionError(
      `data directory ${dir} is missing records ${coveredSeq + 1n}..${expectedSeq - 1n}: the journal starts at ` +
        `${live[0]?.name} but ${snapshotFile ? `snapshot ${snapshotFile.name} ends at ${coveredSeq}` : 'there is no snapshot'}.`,
    );
  }
  for (const [index, segment] of live.entries()) {
    if (segment.firstSeq !== expectedSeq) {
      throw new JournalCorruptionError(
        `data directory ${dir} is inconsistent: journal ${segment.name} should start at sequence ${expectedSeq}.`,
      );
    }
    const buffer = await fs.readFile(join(dir, segment.name));
    const scan = scanSegment(buffer, segment.firstSeq, segment.name);
    let bytes = buffer.byteLength;
    if (scan.damagedTail) {
      const { offset, bytes: damagedBytes, reason } = scan.damagedTail;
      if (index !== live.length - 1) {
        // A later segment exists only after this one was fsynced complete, so this is not a torn write.
        throw new JournalCorruptionError(
          `journal ${segment.name} is corrupt at byte ${offset} (${reason}) although later segments exist. ` +
            `Refusing to start; restore the data directory from a backup.`,
        );
      }
      await fs.truncate(join(dir, segment.name), offset);
      bytes = offset;
      const details = {
        file: segment.name,
        offset,
        truncatedBytes: damagedBytes,
        reason,
        lastValidSeq: String(scan.nextSeq - 1n),
      };
      if (reason === 'preallocated space') {
        // What a server stopped without closing its journal leaves: nothing was lost.
        logger.info(
          details,
          `journal ${segment.name} ended in ${damagedBytes} preallocated bytes; trimmed`,
        );
      } else {
        logger.warn(
          details,
          `journal tail at byte ${offset} of ${segment.name} was torn or corrupt (${reason}); truncated ${damagedBytes} bytes`,
        );
      }
    }
    for (const entry of scan.records) if (entry.seq > coveredSeq) records.push(entry);
    segments.push({ ...segment, bytes, nextSeq: scan.nextSeq });
    expectedSeq = scan.nextSeq;
  }

  for (const name of obsolete) await fs.remove(join(dir, name));
  if (obsolete.length > 0) await fs.syncDirectory(dir);

  const lastSeq = records.at(-1)?.seq ?? coveredSeq;
  return { snapshot: decoded?.state ?? null, snapshotFile, records, lastSeq, segments };
}
